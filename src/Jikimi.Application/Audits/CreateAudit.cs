using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Audits;

/// <summary>
/// kind "initial" is the application (operatingSince required, minimum operating period checked); "surveillance"
/// and "renewal" belong to a certificate. seedFromAuditId copies body, team, sampling notes and other
/// certifications from the previous year's audit.
/// </summary>
public sealed record CreateAuditRequest(
    string? Kind,
    Guid? AssessmentId,
    Guid? CertificateId,
    DateOnly? OperatingSince,
    DateOnly? AppliedOn,
    DateOnly? DueBy,
    string? Body,
    string? Team,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    string? SamplingNotes,
    string? OtherCertifications,
    Guid? SeedFromAuditId);

public sealed class CreateAudit(JikimiDb db, AuditWriter audit, TimeProvider clock, IOptions<CertificationOptions> options)
{
    public async Task<Result<AuditView>> Handle(OrgAccess access, CreateAuditRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "create audits").Error is { } denied)
        {
            return denied;
        }

        if (!AuditWire.TryParse<AuditKind>(req.Kind ?? "initial", AuditWire.Of, out var kind))
        {
            return new Invalid("kind", "kind must be initial, surveillance or renewal.");
        }

        if (req.AssessmentId is { } assessmentId && !await db.Assessments.AnyAsync(a => a.Id == assessmentId, ct))
        {
            return new NotFound("assessment", assessmentId.ToString());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = AuditScope.Today(clock);
        var policy = options.Value.Policy;
        var other = req.OtherCertifications;
        if (other is null && kind == AuditKind.Initial)
        {
            var held = await db.ScopeItems.AsNoTracking().Where(i => i.Kind == ScopeItemKind.OtherCertification).Select(i => i.Name).ToListAsync(ct);
            other = held.Count > 0 ? string.Join(", ", held) : null;
        }

        var details = new Audit.Details(req.Body, req.Team, req.PeriodStart, req.PeriodEnd, req.SamplingNotes, other);
        Audit created;
        if (kind == AuditKind.Initial)
        {
            var applied = Audit.Apply(access.OrganizationId, req.AssessmentId, req.OperatingSince, req.AppliedOn ?? today, details, policy, now);
            if (applied.Error is { } e)
            {
                return e;
            }

            created = applied.Value!;
        }
        else
        {
            if (req.CertificateId is not { } certificateId)
            {
                return new CertificateRequired(AuditWire.Of(kind));
            }

            var cert = await db.Certificates.FirstOrDefaultAsync(c => c.Id == certificateId, ct);
            if (cert is null)
            {
                return new NotFound("certificate", certificateId.ToString());
            }

            created = Audit.Schedule(access.OrganizationId, kind, cert.Id, req.DueBy ?? (kind == AuditKind.Renewal ? cert.RenewalAuditDue : today.AddMonths(policy.SurveillanceIntervalMonths)), now);
            if (created.Change(details).Error is { } e)
            {
                return e;
            }

            if (req.AssessmentId is { } aid)
            {
                created.AttachAssessment(aid);
            }
        }

        if (req.SeedFromAuditId is { } seedId)
        {
            var previous = await db.Audits.AsNoTracking().FirstOrDefaultAsync(a => a.Id == seedId, ct);
            if (previous is null)
            {
                return new NotFound("audit", seedId.ToString());
            }

            created.SeedFrom(previous);
        }

        db.Audits.Add(created);
        audit.Record(access, AuditActions.AuditCreated, "audit", created.Id, new { kind = AuditWire.Of(kind), created.CertificateId, created.SeededFromId, created.DueBy });
        var saved = await audit.SaveAsync(ct, "audit");
        return saved.Error is { } se ? se : await AuditScope.ViewAsync(db, created, today, ct);
    }
}
