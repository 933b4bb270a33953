using Jikimi.Application.Assessments;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Risk;

/// <summary>Risks of one criteria sub-domain (e.g. 2.5 인증 및 권한관리); "-" holds risks with no control.</summary>
public sealed record DomainRiskCount(string Subdomain, string TitleKo, string TitleEn, int Total, int AboveDoa, int Open);

public sealed record RisksByDomainView(Guid RiskAssessmentId, int Year, int? AcceptableLevel, IReadOnlyList<DomainRiskCount> Domains);

/// <summary>Risks by criteria domain (the control a risk relates to), in catalog order.</summary>
public sealed class GetRisksByDomain(JikimiDb db)
{
    public async Task<Result<RisksByDomainView>> Handle(OrgAccess access, Guid riskAssessmentId, CancellationToken ct)
    {
        var ra = await db.Set<RiskAssessment>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == riskAssessmentId, ct);
        if (ra is null)
        {
            return new NotFound("risk_assessment", riskAssessmentId.ToString());
        }

        var rows = await db.Set<AssessedRisk>().AsNoTracking().Where(r => r.RiskAssessmentId == riskAssessmentId)
            .Select(r => new { r.ControlId, r.Score, Open = r.AcceptedAt == null && r.CompletedAt == null })
            .ToListAsync(ct);
        var catalog = ControlQueries.EditionOf("isms-p-2023");
        var order = catalog.Subdomains.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var domains = rows
            .GroupBy(r => r.ControlId is { } c && catalog.Find(c) is { } control ? control.SubdomainId : "-")
            .Select(g =>
            {
                var sd = catalog.Subdomains.FirstOrDefault(s => s.Id == g.Key);
                return new DomainRiskCount(g.Key, sd?.Title.Ko ?? "통제 미지정", sd?.Title.En ?? "No control", g.Count(), g.Count(r => r.Score > (ra.AcceptableLevel ?? int.MaxValue)), g.Count(r => r.Open));
            })
            .OrderBy(d => order.GetValueOrDefault(d.Subdomain, int.MaxValue))
            .ToList();
        return new RisksByDomainView(ra.Id, ra.Year, ra.AcceptableLevel, domains);
    }
}
