using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Scope;

public sealed class RemoveScopeItem(JikimiDb db, AuditWriter audit)
{
    public async Task<Result> Handle(OrgAccess access, Guid itemId, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "change the scope").Error is { } denied)
        {
            return denied;
        }

        var item = await db.ScopeItems.FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return new NotFound("scope_item", itemId.ToString());
        }

        db.ScopeItems.Remove(item);
        audit.Record(access, AuditActions.ScopeItemRemoved, "scope_item", item.Id, new { kind = item.Kind.ToWire(), item.Name });
        return await audit.SaveAsync(ct);
    }
}
