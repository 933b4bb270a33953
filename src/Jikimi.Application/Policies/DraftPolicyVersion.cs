using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Policies;

/// <summary>Starts the next version of a document as a draft (a revision after a review, a change in the law).</summary>
public sealed class DraftPolicyVersion(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<PolicyVersionView>> Handle(OrgAccess access, Guid id, DraftPolicyRequest req, CancellationToken ct)
    {
        var p = await db.Set<Policy>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return new NotFound("policy", id.ToString());
        }

        if (access.Require(Permissions.CanManageWorkspace, "edit the policy register").Error is { } denied)
        {
            return denied;
        }

        var drafted = p.Draft(req.ChangeNote, access.Actor.UserId, clock.GetUtcNow().UtcDateTime);
        if (drafted.Error is { } e)
        {
            return e;
        }

        var v = drafted.Value!;
        db.Add(v);
        audit.Record(access, AuditActions.PolicyDrafted, "policy", p.Id, new { p.Code, version = v.Number });
        var saved = await audit.SaveAsync(ct, "policy");
        return saved.Error is { } se ? se : new PolicyVersionView(v.Id, v.Number, v.ChangeNote, v.CreatedAt, false, null, null, null, 0);
    }
}
