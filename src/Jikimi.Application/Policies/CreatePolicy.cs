using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Policies;

/// <summary>Adds a document to the policy register with its first version as a draft (1.1.5, 2.1.1).</summary>
public sealed class CreatePolicy(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<PolicyRowView>> Handle(OrgAccess access, PolicyRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "edit the policy register").Error is { } denied)
        {
            return denied;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var data = PolicyMapping.Data(req);
        var created = data.Error is { } de ? de : Policy.Create(access.OrganizationId, data.Value!, now);
        if (created.Error is { } e)
        {
            return e;
        }

        var p = created.Value!;
        if (await db.Set<Policy>().AnyAsync(x => x.Code == p.Code, ct))
        {
            return new PolicyCodeTaken(p.Code);
        }

        var draft = p.Draft(null, access.Actor.UserId, now).Value!;
        db.Add(p);
        db.Add(draft);
        audit.Record(access, AuditActions.PolicyCreated, "policy", p.Id, new { p.Code, kind = p.Kind.ToWire(), controls = p.Controls });
        var saved = await audit.SaveAsync(ct, "policy");
        return saved.Error is { } se ? se : PolicyRowView.Of(p, DateOnly.FromDateTime(now));
    }
}
