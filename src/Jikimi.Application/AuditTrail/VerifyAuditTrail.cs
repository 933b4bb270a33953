using Jikimi.Application.Data;
using Jikimi.Domain.AuditTrail;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.AuditTrail;

public sealed record AuditTrailReport(int Chains, long Events, IReadOnlyList<ChainBreak> Breaks)
{
    public bool Intact => Breaks.Count == 0;
}

/// <summary>Recomputes every chain and reports the first broken link of each (an edited, deleted or re-linked row).</summary>
public sealed class VerifyAuditTrail(JikimiDb db)
{
    public async Task<AuditTrailReport> Handle(CancellationToken ct)
    {
        var chains = await db.AuditEvents.IgnoreQueryFilters().Select(e => e.Chain).Distinct().ToListAsync(ct);
        var breaks = new List<ChainBreak>();
        long total = 0;
        foreach (var chain in chains.Order(StringComparer.Ordinal))
        {
            var events = await db.AuditEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.Chain == chain).OrderBy(e => e.Sequence).ToListAsync(ct);
            total += events.Count;
            if (ChainVerifier.Verify(chain, events) is { } broken)
            {
                breaks.Add(broken);
            }
        }

        return new AuditTrailReport(chains.Count, total, breaks);
    }
}
