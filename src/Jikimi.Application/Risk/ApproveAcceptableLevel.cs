using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Risk;

/// <summary>Management's approval of the acceptable risk level: who and when are recorded (and audited).</summary>
public sealed class ApproveAcceptableLevel(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<RiskAssessmentView>> Handle(OrgAccess access, Guid id, CancellationToken ct)
    {
        var ra = await db.Set<RiskAssessment>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (ra is null)
        {
            return new NotFound("risk_assessment", id.ToString());
        }

        if (access.Require(Permissions.CanApproveRisk, "approve the acceptable risk level").Error is { } denied)
        {
            return denied;
        }

        if (ra.ApproveAcceptableLevel(access.Actor.UserId, access.Actor.Name, clock.GetUtcNow().UtcDateTime).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.AcceptableLevelApproved, "risk_assessment", ra.Id, new { ra.Year, level = ra.AcceptableLevel });
        var saved = await audit.SaveAsync(ct, "risk assessment");
        return saved.Error is { } se ? se : await new GetRiskAssessment(new ListRiskAssessments(db)).Handle(access, id, ct);
    }
}
