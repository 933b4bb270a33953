using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Organizations;

/// <summary>The organizations the actor belongs to (memberships are read across tenants on purpose: they are the actor's own).</summary>
public sealed class ListMyOrganizations(JikimiDb db)
{
    public async Task<IReadOnlyList<OrganizationView>> Handle(Actor actor, CancellationToken ct)
    {
        var rows = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == actor.UserId)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { o.Id, o.Name, m.Role, o.CreatedAt })
            .OrderBy(x => x.Name)
            .ToListAsync(ct);
        return rows.Select(r => new OrganizationView(r.Id, r.Name, r.Role.ToWire(), r.CreatedAt)).ToList();
    }
}

/// <summary>Finds the actor's role in an organization; null = not a member (the API answers 404).</summary>
public sealed class ResolveMembership(JikimiDb db, ReadCache cache)
{
    private sealed record Found(Role? Role);

    public async Task<Role?> Handle(Guid userId, Guid organizationId, CancellationToken ct)
    {
        var key = $"member:{userId}:{organizationId}";
        var generation = cache.SecurityGeneration;
        if (cache.TryGet<Found>(key, generation, out var hit))
        {
            return hit.Role;
        }

        var role = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId && m.OrganizationId == organizationId)
            .Select(m => (Role?)m.Role)
            .FirstOrDefaultAsync(ct);
        cache.Set(key, generation, new Found(role));
        return role;
    }
}
