using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Scope;

public sealed record ScopeItemView(Guid Id, string Kind, string Name, string? Description, string? Provider, string? Region, string? Reference, DateOnly? ValidUntil);

public sealed record ScopeView(string Certification, string Edition, string? Description, string? MethodsAndProcedures, int Version, DateTime UpdatedAt, IReadOnlyList<ScopeItemView> Items);

public sealed record UpdateScopeRequest(string? Certification, string? Edition, string? Description, string? MethodsAndProcedures, int Version);

public sealed record ScopeItemRequest(string? Kind, string? Name, string? Description, string? Provider, string? Region, string? Reference, DateOnly? ValidUntil);

internal static class ScopeMapping
{
    public static string ToWire(this ScopeItemKind k) => k switch
    {
        ScopeItemKind.InformationSystem => "information-system",
        ScopeItemKind.CloudService => "cloud-service",
        ScopeItemKind.MajorFacility => "major-facility",
        ScopeItemKind.SystemDiagram => "system-diagram",
        ScopeItemKind.MajorDocument => "major-document",
        ScopeItemKind.OtherCertification => "other-certification",
        _ => k.ToString().ToLowerInvariant(),
    };

    public static bool TryParseKind(string? s, out ScopeItemKind kind)
    {
        foreach (var k in Enum.GetValues<ScopeItemKind>())
        {
            if (string.Equals(k.ToWire(), s?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static ScopeItemView View(ScopeItem i) => new(i.Id, i.Kind.ToWire(), i.Name, i.Description, i.Provider, i.Region, i.Reference, i.ValidUntil);
}

public sealed class GetScope(JikimiDb db)
{
    public async Task<ScopeView> Handle(OrgAccess access, CancellationToken ct)
    {
        var scope = await db.Scopes.AsNoTracking().FirstAsync(ct);
        var items = await db.ScopeItems.AsNoTracking().OrderBy(i => i.Kind).ThenBy(i => i.Name).ToListAsync(ct);
        return new ScopeView(scope.Certification == Certification.Isms ? "isms" : "isms-p", scope.Edition, scope.Description, scope.MethodsAndProcedures, scope.Version, scope.UpdatedAt, items.Select(ScopeMapping.View).ToList());
    }
}

public sealed class UpdateScope(JikimiDb db, AuditWriter audit, TimeProvider clock, GetScope get)
{
    public async Task<Result<ScopeView>> Handle(OrgAccess access, UpdateScopeRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "change the scope").Error is { } denied)
        {
            return denied;
        }

        if (!AppliesToExtensions.TryParseCertification(req.Certification, out var certification))
        {
            return new Invalid("certification", "certification must be isms or isms-p.");
        }

        var scope = await db.Scopes.FirstAsync(ct);
        db.Entry(scope).Property(s => s.Version).OriginalValue = req.Version;
        var before = new { certification = scope.Certification.ToString(), scope.Edition };
        if (scope.Update(certification, req.Edition ?? string.Empty, req.Description, req.MethodsAndProcedures, clock.GetUtcNow().UtcDateTime).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.ScopeUpdated, "scope", scope.Id, new { before, after = new { certification = scope.Certification.ToString(), scope.Edition } });
        var saved = await audit.SaveAsync(ct, "scope");
        return saved.Error is { } se ? se : await get.Handle(access, ct);
    }
}

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
