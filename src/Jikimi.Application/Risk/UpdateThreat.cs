using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Risk;

/// <summary>Edits a threat of the organization's list (its copy of a catalog threat, or its own).</summary>
public sealed class UpdateThreat(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<ThreatView>> Handle(OrgAccess access, Guid id, ThreatRequest req, CancellationToken ct)
    {
        var threat = await db.Set<Threat>().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (threat is null)
        {
            return new NotFound("threat", id.ToString());
        }

        if (access.Require(Permissions.CanManageWorkspace, "edit the threat list").Error is { } denied)
        {
            return denied;
        }

        var code = req.Code?.Trim();
        if (code is { Length: > 0 } && await db.Set<Threat>().AnyAsync(t => t.Id != id && t.Code.ToLower() == code.ToLower(), ct))
        {
            return new ThreatCodeTaken(code);
        }

        if (threat.Update(req.Code, req.Category, req.NameKo, req.NameEn, clock.GetUtcNow().UtcDateTime).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.ThreatUpdated, "threat", threat.Id, new { code = threat.Code });
        var saved = await audit.SaveAsync(ct, "threat");
        return saved.Error is { } se ? se : ThreatView.Of(threat);
    }
}
