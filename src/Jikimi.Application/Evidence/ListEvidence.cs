using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Evidence;

public sealed record EvidenceFilter(string? Query = null, int? ExpiringWithinDays = null, bool IncludeDeleted = false, int Skip = 0, int Take = 100);

/// <summary>The evidence library: search, expiring soon, and how often each is used.</summary>
public sealed class ListEvidence(JikimiDb db, TimeProvider clock)
{
    public async Task<Page<EvidenceView>> Handle(OrgAccess access, EvidenceFilter f, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var q = Audits.AuditorReach.VisibleEvidence(db, access).AsNoTracking();
        if (!f.IncludeDeleted)
        {
            q = q.Where(e => e.DeletedAt == null);
        }

        if (!string.IsNullOrWhiteSpace(f.Query))
        {
            var words = f.Query.Trim();
            q = q.Where(e => e.Title.Contains(words) || (e.Description != null && e.Description.Contains(words)));
        }

        if (f.ExpiringWithinDays is { } days)
        {
            var limit = today.AddDays(days);
            q = q.Where(e => e.ExpiresOn != null && e.ExpiresOn <= limit);
        }

        var take = Math.Clamp(f.Take, 1, 500);
        var skip = Math.Max(0, f.Skip);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(e => e.ExpiresOn == null).ThenBy(e => e.ExpiresOn).ThenBy(e => e.Title).Skip(skip).Take(take)
            .Select(e => new { e, Uses = db.EvidenceLinks.Count(l => l.EvidenceId == e.Id) })
            .ToListAsync(ct);
        return new Page<EvidenceView>(rows.Select(r => GetEvidence.View(r.e, r.Uses, today)).ToList(), total, skip, take);
    }
}
