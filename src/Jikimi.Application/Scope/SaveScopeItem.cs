using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Scope;

public sealed record ScopeItemRequest(string? Kind, string? Name, string? Description, string? Provider, string? Region, string? Reference, DateOnly? ValidUntil);

public sealed class SaveScopeItem(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<ScopeItemView>> Handle(OrgAccess access, Guid? itemId, ScopeItemRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "change the scope").Error is { } denied)
        {
            return denied;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        ScopeItem item;
        if (itemId is { } id)
        {
            var found = await db.ScopeItems.FirstOrDefaultAsync(i => i.Id == id, ct);
            if (found is null)
            {
                return new NotFound("scope_item", id.ToString());
            }

            item = found;
            if (item.Update(req.Name, req.Description, req.Provider, req.Region, req.Reference, req.ValidUntil, now).Error is { } e)
            {
                return e;
            }

            audit.Record(access, AuditActions.ScopeItemUpdated, "scope_item", item.Id, new { kind = item.Kind.ToWire(), item.Name });
        }
        else
        {
            if (!ScopeMapping.TryParseKind(req.Kind, out var kind))
            {
                return new Invalid("kind", "kind must be one of: " + string.Join(", ", Enum.GetValues<ScopeItemKind>().Select(k => k.ToWire())) + ".");
            }

            var created = ScopeItem.Create(access.OrganizationId, kind, req.Name, req.Description, req.Provider, req.Region, req.Reference, req.ValidUntil, now);
            if (created.Error is { } e)
            {
                return e;
            }

            item = created.Value!;
            db.ScopeItems.Add(item);
            audit.Record(access, AuditActions.ScopeItemAdded, "scope_item", item.Id, new { kind = item.Kind.ToWire(), item.Name });
        }

        var saved = await audit.SaveAsync(ct);
        return saved.Error is { } se ? se : ScopeMapping.View(item);
    }
}
