using System.Globalization;
using System.Security.Cryptography;
using Jikimi.Application.Data;
using Jikimi.Domain.AuditTrail;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.AuditTrail;

/// <summary>An anchor file written: where, and how many chain heads it holds.</summary>
public sealed record AnchorWritten(string Path, int Chains);

/// <summary>
/// Writes a signed anchor of every audit chain's head to the anchor folder (ADR 0052): on the server's schedule,
/// after every report or export, and on demand. The file is written under a temporary name and renamed, so a reader
/// never sees half an anchor; existing anchors are never overwritten. An unchanged trail is not anchored again.
/// </summary>
public sealed class AnchorAuditTrail(JikimiDb db, AuditWriter audit, AuditAnchorKeys keys, TimeProvider clock)
{
    /// <summary>The anchor written, or null when every head equals the last anchor this process wrote.</summary>
    public async Task<AnchorWritten?> Handle(CancellationToken ct)
    {
        await keys.Gate.WaitAsync(ct);
        try
        {
            var key = await keys.SigningKeyAsync(ct);
            await AuditAnchorKeys.RegisterAsync(db, audit, key, ct);
            var heads = await HeadsAsync(db, ct);
            var fingerprint = string.Join('\n', heads.Select(h => $"{h.Chain} {h.Sequence} {h.Hash}"));
            if (fingerprint == keys.LastAnchored)
            {
                return null;
            }

            var anchor = AuditAnchor.Sign(key, clock.GetUtcNow().UtcDateTime, heads);
            var directory = keys.Directory;
            Directory.CreateDirectory(directory);
            var name = string.Create(CultureInfo.InvariantCulture, $"audit-anchor-{anchor.AnchoredAt:yyyyMMdd'T'HHmmssffffff'Z'}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}.json");
            var path = Path.Combine(directory, name);
            var temp = Path.Combine(directory, "." + name + ".tmp");
            try
            {
                await using (var f = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                {
                    await f.WriteAsync(anchor.ToJson(), ct);
                    f.Flush(flushToDisk: true);
                }

                File.Move(temp, path, overwrite: false);
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }

            keys.LastAnchored = fingerprint;
            return new AnchorWritten(path, heads.Count);
        }
        finally
        {
            keys.Gate.Release();
        }
    }

    internal static async Task<List<AnchoredHead>> HeadsAsync(JikimiDb db, CancellationToken ct)
    {
        var tops = await db.AuditEvents.IgnoreQueryFilters()
            .GroupBy(e => e.Chain)
            .Select(g => new { Chain = g.Key, Sequence = g.Max(e => e.Sequence) })
            .ToListAsync(ct);
        var heads = new List<AnchoredHead>(tops.Count);
        foreach (var t in tops.OrderBy(t => t.Chain, StringComparer.Ordinal))
        {
            var e = await db.AuditEvents.IgnoreQueryFilters().AsNoTracking()
                .Where(x => x.Chain == t.Chain && x.Sequence == t.Sequence)
                .Select(x => new { x.Hash, x.At })
                .FirstAsync(ct);
            heads.Add(new AnchoredHead(t.Chain, t.Sequence, e.Hash, e.At));
        }

        return heads;
    }
}
