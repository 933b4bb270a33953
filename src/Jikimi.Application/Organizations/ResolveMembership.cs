using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Organizations;

/// <summary>A member's role in an organization and whether the organization demands a second factor.</summary>
public sealed record OrgMembership(Role Role, bool RequireMfa);

/// <summary>Finds the actor's membership of an organization; null = not a member (the API answers 404).</summary>
public sealed class ResolveMembership(JikimiDb db, ReadCache cache)
{
    private sealed record Found(OrgMembership? Membership);

    public async Task<OrgMembership?> Handle(Guid userId, Guid organizationId, CancellationToken ct)
    {
        var key = $"member:{userId}:{organizationId}";
        var generation = cache.SecurityGeneration;
        if (cache.TryGet<Found>(key, generation, out var hit))
        {
            return hit.Membership;
        }

        var found = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId && m.OrganizationId == organizationId)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { m.Role, o.RequireMfa })
            .FirstOrDefaultAsync(ct);
        var membership = found is null ? null : new OrgMembership(found.Role, found.RequireMfa);
        cache.Set(key, generation, new Found(membership));
        return membership;
    }
}
