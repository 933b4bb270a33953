using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Risk;

/// <summary>An executive accepts a risk (treated by acceptance, or its residual): who and when are recorded and audited.</summary>
public sealed class AcceptRisk(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<RiskView>> Handle(OrgAccess access, Guid riskAssessmentId, Guid riskId, CancellationToken ct)
    {
        var risk = await db.Set<AssessedRisk>().FirstOrDefaultAsync(r => r.Id == riskId && r.RiskAssessmentId == riskAssessmentId, ct);
        if (risk is null)
        {
            return new NotFound("risk", riskId.ToString());
        }

        if (access.Require(Permissions.CanApproveRisk, "accept risks").Error is { } denied)
        {
            return denied;
        }

        if (risk.Accept(access.Actor.UserId, access.Actor.Name, clock.GetUtcNow().UtcDateTime).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.RiskAccepted, "risk", risk.Id, new { risk.Score, risk.ResidualScore, strategy = risk.Strategy.ToWire() });
        var saved = await audit.SaveAsync(ct, "risk");
        var doa = await db.Set<RiskAssessment>().Where(r => r.Id == riskAssessmentId).Select(r => r.AcceptableLevel).FirstAsync(ct);
        return saved.Error is { } se ? se : (await RiskRows.ViewsAsync(db, [risk], doa, ct))[0];
    }
}
