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
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { o.Id, o.Name, m.Role, o.CreatedAt, o.RequireMfa })
            .OrderBy(x => x.Name)
            .ToListAsync(ct);
        return rows.Select(r => new OrganizationView(r.Id, r.Name, r.Role.ToWire(), r.CreatedAt, r.RequireMfa)).ToList();
    }
}
