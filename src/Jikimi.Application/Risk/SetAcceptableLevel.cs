using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Risk;

public sealed record SetAcceptableLevelRequest(int Level, int Version);

/// <summary>Proposes the acceptable risk level (DoA); it counts as approved only after an executive approves it.</summary>
public sealed class SetAcceptableLevel(JikimiDb db, AuditWriter audit)
{
    public async Task<Result<RiskAssessmentView>> Handle(OrgAccess access, Guid id, SetAcceptableLevelRequest req, CancellationToken ct)
    {
        var ra = await db.Set<RiskAssessment>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (ra is null)
        {
            return new NotFound("risk_assessment", id.ToString());
        }

        if (access.Require(Permissions.CanManageWorkspace, "set the acceptable risk level").Error is { } denied)
        {
            return denied;
        }

        db.Entry(ra).Property(r => r.Version).OriginalValue = req.Version;
        var before = ra.AcceptableLevel;
        if (ra.SetAcceptableLevel(req.Level).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.AcceptableLevelSet, "risk_assessment", ra.Id, new { ra.Year, before, after = ra.AcceptableLevel });
        var saved = await audit.SaveAsync(ct, "risk assessment");
        return saved.Error is { } se ? se : await new GetRiskAssessment(new ListRiskAssessments(db)).Handle(access, id, ct);
    }
}
