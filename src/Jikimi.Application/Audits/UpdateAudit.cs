using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Common;
using Jikimi.Domain.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Audits;

/// <summary>Body, team, audit period, sampling notes; status "in-progress" starts a planned audit. Send the version you read.</summary>
public sealed record UpdateAuditRequest(string? Body, string? Team, DateOnly? PeriodStart, DateOnly? PeriodEnd, string? SamplingNotes, string? OtherCertifications, Guid? AssessmentId, string? Status, int Version);

public sealed class UpdateAudit(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<AuditView>> Handle(OrgAccess access, Guid auditId, UpdateAuditRequest req, CancellationToken ct)
    {
        var found = await AuditScope.FindAsync(db, access, auditId, ct);
        if (found.Error is { } nf)
        {
            return nf;
        }

        if (AuditScope.RequireAuditWork(access, "change audits").Error is { } denied)
        {
            return denied;
        }

        var a = found.Value!;
        db.Entry(a).Property(x => x.Version).OriginalValue = req.Version;
        if (a.Change(new Audit.Details(req.Body, req.Team, req.PeriodStart, req.PeriodEnd, req.SamplingNotes, req.OtherCertifications)).Error is { } e)
        {
            return e;
        }

        if (req.AssessmentId is { } assessmentId && assessmentId != a.AssessmentId)
        {
            if (!await db.Assessments.AnyAsync(x => x.Id == assessmentId, ct))
            {
                return new NotFound("assessment", assessmentId.ToString());
            }

            a.AttachAssessment(assessmentId);
        }

        if (req.Status is { } s && s != AuditWire.Of(a.Status))
        {
            if (s != "in-progress")
            {
                return new Invalid("status", "status can only be set to in-progress here; the committee decides the rest.");
            }

            if (a.Start().Error is { } se)
            {
                return se;
            }
        }

        audit.Record(access, AuditActions.AuditUpdated, "audit", a.Id, new { a.Body, a.PeriodStart, a.PeriodEnd, status = AuditWire.Of(a.Status) });
        var saved = await audit.SaveAsync(ct, "audit");
        return saved.Error is { } err ? err : await AuditScope.ViewAsync(db, a, AuditScope.Today(clock), ct);
    }
}
