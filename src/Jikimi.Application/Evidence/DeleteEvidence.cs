using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Evidence;

/// <summary>Soft deletion: the record and its versions stay (audited), but it is hidden and no longer served.</summary>
public sealed class DeleteEvidence(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result> Handle(OrgAccess access, Guid id, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "delete evidence").Error is { } denied)
        {
            return denied;
        }

        var e = await db.Evidence.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return new NotFound("evidence", id.ToString());
        }

        if (e.SoftDelete(access.Actor.UserId, clock.GetUtcNow().UtcDateTime).Error is { } err)
        {
            return err;
        }

        audit.Record(access, AuditActions.EvidenceDeleted, "evidence", e.Id, new { e.Title, versions = e.CurrentVersion });
        return await audit.SaveAsync(ct, "evidence");
    }
}
