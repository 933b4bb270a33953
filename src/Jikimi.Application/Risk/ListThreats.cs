using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Risk;

/// <summary>The organization's threat list (a copy of the seeded catalog once the first risk assessment exists, plus its own).</summary>
public sealed class ListThreats(JikimiDb db)
{
    public async Task<IReadOnlyList<ThreatView>> Handle(OrgAccess access, CancellationToken ct) =>
        (await db.Set<Threat>().AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct)).Select(ThreatView.Of).ToList();

    /// <summary>Copies the seeded catalog into an organization that has no threats yet (idempotent).</summary>
    internal static async Task<int> EnsureCopiedAsync(JikimiDb db, Guid organizationId, DateTime now, CancellationToken ct)
    {
        if (await db.Set<Threat>().AnyAsync(ct))
        {
            return 0;
        }

        foreach (var t in ThreatCatalog.All)
        {
            db.Add(Threat.Create(organizationId, t.Id, t.Category, t.Ko, t.En, fromCatalog: true, now).Value!);
        }

        return ThreatCatalog.All.Count;
    }
}
