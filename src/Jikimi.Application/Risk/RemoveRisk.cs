using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Risk;

public sealed record AcceptedRiskStays() : ConflictError("risk.accepted_stays", "An accepted risk stays on record; change its treatment first if it was wrong.");

/// <summary>Removes a risk entered by mistake (audited with its numbers); an accepted risk stays.</summary>
public sealed class RemoveRisk(JikimiDb db, AuditWriter audit)
{
    public async Task<Result> Handle(OrgAccess access, Guid riskAssessmentId, Guid riskId, CancellationToken ct)
    {
        var risk = await db.Set<AssessedRisk>().FirstOrDefaultAsync(r => r.Id == riskId && r.RiskAssessmentId == riskAssessmentId, ct);
        if (risk is null)
        {
            return new NotFound("risk", riskId.ToString());
        }

        if (access.Require(Permissions.CanManageWorkspace, "remove risks").Error is { } denied)
        {
            return denied;
        }

        if (risk.Accepted)
        {
            return new AcceptedRiskStays();
        }

        db.Remove(risk);
        audit.Record(access, AuditActions.RiskRemoved, "risk", risk.Id, new { risk.AssetId, risk.ThreatId, risk.Vulnerability, risk.Score });
        return await audit.SaveAsync(ct, "risk");
    }
}
