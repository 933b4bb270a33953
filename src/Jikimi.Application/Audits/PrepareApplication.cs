using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Audits;

public sealed record StatementItem(string Name, string? Description, string? Reference, DateOnly? ValidUntil);

/// <summary>
/// The application statement (정보보호 관리체계 명세서, 시행령 제47조①) assembled from the scope: (1) scope,
/// (2) major ICT facilities and system diagrams, (3) methods and procedures, (4) major documents, (5) other
/// certifications held — with the operating-period check and whether ISO/IEC 27001 allows part of the audit to be
/// omitted (법 제47조③).
/// </summary>
public sealed record ApplicationStatement(
    string Certification,
    string Edition,
    string? Scope,
    IReadOnlyList<StatementItem> Services,
    IReadOnlyList<StatementItem> InformationSystems,
    IReadOnlyList<StatementItem> FacilitiesAndDiagrams,
    string? MethodsAndProcedures,
    IReadOnlyList<StatementItem> MajorDocuments,
    IReadOnlyList<StatementItem> OtherCertifications,
    bool Iso27001Held,
    string? Iso27001Note,
    DateOnly? OperatingSince,
    int MinimumOperatingMonths,
    DateOnly? EarliestApplication,
    bool OperatingPeriodMet);

public sealed class PrepareApplication(JikimiDb db, TimeProvider clock, IOptions<CertificationOptions> options)
{
    public async Task<ApplicationStatement> Handle(OrgAccess access, DateOnly? operatingSince, CancellationToken ct)
    {
        var scope = await db.Scopes.AsNoTracking().FirstOrDefaultAsync(ct);
        var items = await db.ScopeItems.AsNoTracking().OrderBy(i => i.Name).ToListAsync(ct);
        List<StatementItem> Of(params ScopeItemKind[] kinds) => items.Where(i => kinds.Contains(i.Kind)).Select(i => new StatementItem(i.Name, i.Description, i.Reference, i.ValidUntil)).ToList();
        var other = Of(ScopeItemKind.OtherCertification);
        var iso = other.Any(o => o.Name.Contains("27001", StringComparison.Ordinal));
        var months = options.Value.MinimumOperatingMonths;
        var earliest = operatingSince?.AddMonths(months);
        return new ApplicationStatement(
            scope?.Certification == Catalog.Model.Certification.Isms ? "isms" : "isms-p",
            scope?.Edition ?? Catalog.Model.EditionId.IsmsP2023.Value,
            scope?.Description,
            Of(ScopeItemKind.Service),
            Of(ScopeItemKind.InformationSystem, ScopeItemKind.CloudService),
            Of(ScopeItemKind.MajorFacility, ScopeItemKind.SystemDiagram, ScopeItemKind.Site),
            scope?.MethodsAndProcedures,
            Of(ScopeItemKind.MajorDocument),
            other,
            iso,
            iso ? "ISO/IEC 27001 인증 보유: 인증심사의 일부를 생략할 수 있음 (정보통신망법 제47조③) / ISO/IEC 27001 held: part of the audit may be omitted (Network Act Art. 47(3))." : null,
            operatingSince,
            months,
            earliest,
            earliest is { } e && AuditScope.Today(clock) >= e);
    }
}
