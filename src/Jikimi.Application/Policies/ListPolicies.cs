using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Policies;

/// <summary>The policy register, by code, with each document's review status.</summary>
public sealed class ListPolicies(JikimiDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<PolicyRowView>> Handle(OrgAccess access, CancellationToken ct)
    {
        _ = access;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await db.Set<Policy>().AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);
        return rows.Select(p => PolicyRowView.Of(p, today)).ToList();
    }
}
