using System.Security.Cryptography;
using System.Text.Json;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.AccessRecords;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.AccessRecords;

/// <summary>
/// Walks a system's segment chain and names the first damaged segment: a row or file <c>changed</c>, a row or file
/// <c>deleted</c>, segments <c>reordered</c> (a link or file that belongs elsewhere in the chain) or the chain or a
/// file <c>truncated</c>. The expected end comes from the signed heads and from the audit trail's ingest events, so
/// deleting the newest rows, or the newest rows and their head, still shows.
/// </summary>
public sealed class VerifyAccessRecords(JikimiDb db, AccessRecordStore store, AuditAnchorKeys keys)
{
    public async Task<Result<VerifyView>> Handle(OrgAccess access, Guid systemId, CancellationToken ct)
    {
        var system = await db.Set<ProcessingSystem>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == systemId, ct);
        if (system is null)
        {
            return new NotFound("processing_system", systemId.ToString());
        }

        var rows = await db.Set<AccessRecordSegment>().AsNoTracking().Where(s => s.SystemId == systemId).OrderBy(s => s.Sequence).ToListAsync(ct);
        var head = await db.Set<SignedChainHead>().AsNoTracking().Where(h => h.SystemId == systemId).OrderByDescending(h => h.Sequence).FirstOrDefaultAsync(ct);
        var audited = await AuditedEndAsync(systemId, ct);
        var problem = Walk(rows) ?? await HeadProblemAsync(rows, head, audited, ct);
        var last = rows.LastOrDefault();
        return new VerifyView(system.Id, system.Name, rows.Count, rows.Count(r => r.Purged), last?.Sequence, last?.ChainHash, problem);
    }

    private SegmentProblem? Walk(List<AccessRecordSegment> rows)
    {
        var links = rows.Select(r => r.ChainHash).ToHashSet(StringComparer.Ordinal);
        var expected = 1L;
        var previous = AccessRecordSegment.Genesis;
        foreach (var r in rows)
        {
            if (r.Sequence != expected)
            {
                return new SegmentProblem(expected, null, SegmentDamage.Deleted, $"Segment {expected} is missing from the database; the chain continues at {r.Sequence}.");
            }

            if (r.PreviousHash != previous)
            {
                return links.Contains(r.PreviousHash)
                    ? new SegmentProblem(r.Sequence, r.Day, SegmentDamage.Reordered, "The segment links to another segment than the one before it.")
                    : new SegmentProblem(r.Sequence, r.Day, SegmentDamage.Changed, "The segment's link to the one before it was changed.");
            }

            if (r.ExpectedChainHash() != r.ChainHash)
            {
                return new SegmentProblem(r.Sequence, r.Day, SegmentDamage.Changed, "The segment's recorded facts do not match its chain hash.");
            }

            if (!r.Purged && (FileProblem(r, r.Path, r.Bytes, r.Sha256, rows) ?? FileProblem(r, r.RawPath, r.RawBytes, r.RawSha256, rows)) is { } p)
            {
                return p;
            }

            previous = r.ChainHash;
            expected++;
        }

        return null;
    }

    private SegmentProblem? FileProblem(AccessRecordSegment r, string path, long bytes, string sha, List<AccessRecordSegment> rows)
    {
        var full = store.Full(path);
        if (!File.Exists(full))
        {
            return new SegmentProblem(r.Sequence, r.Day, SegmentDamage.Deleted, $"The file {path} is missing.");
        }

        var actual = AccessRecordStore.Sha256Of(full);
        if (actual == sha)
        {
            return null;
        }

        // Another segment's content first: a swapped-in file may well be shorter than the one it replaced.
        if (rows.Any(o => o.Sequence != r.Sequence && (o.Sha256 == actual || o.RawSha256 == actual)))
        {
            return new SegmentProblem(r.Sequence, r.Day, SegmentDamage.Reordered, $"The file {path} holds another segment's content.");
        }

        var length = new FileInfo(full).Length;
        return length < bytes
            ? new SegmentProblem(r.Sequence, r.Day, SegmentDamage.Truncated, $"The file {path} holds {length} of {bytes} bytes.")
            : new SegmentProblem(r.Sequence, r.Day, SegmentDamage.Changed, $"The file {path} was changed (SHA-256 {actual[..12]}…).");
    }

    private async Task<SegmentProblem?> HeadProblemAsync(List<AccessRecordSegment> rows, SignedChainHead? head, long audited, CancellationToken ct)
    {
        var last = rows.LastOrDefault()?.Sequence ?? 0;
        var expectedEnd = Math.Max(head?.Sequence ?? 0, audited);
        if (expectedEnd > last)
        {
            return new SegmentProblem(last + 1, null, SegmentDamage.Truncated, $"The chain ends at {last}; its signed head or audit trail reaches {expectedEnd}.");
        }

        if (head is null)
        {
            return rows.Count == 0 ? null : new SegmentProblem(last, rows[^1].Day, SegmentDamage.Unsigned, "No signed head covers the chain.");
        }

        var at = rows.First(r => r.Sequence == head.Sequence);
        if (at.ChainHash != head.ChainHash)
        {
            return new SegmentProblem(at.Sequence, at.Day, SegmentDamage.Changed, "The segment differs from the signed chain head.");
        }

        var trusted = await keys.TrustedAsync(db, ct);
        if (!trusted.TryGetValue(head.KeyId, out var spki) || !Verifies(spki, head))
        {
            return new SegmentProblem(head.Sequence, at.Day, SegmentDamage.Unsigned, "The chain head's signature does not verify with a trusted installation key.");
        }

        return head.Sequence < last
            ? new SegmentProblem(head.Sequence + 1, rows.First(r => r.Sequence == head.Sequence + 1).Day, SegmentDamage.Unsigned, "Segments after the last signed head are not covered by a signature.")
            : null;
    }

    private static bool Verifies(byte[] spki, SignedChainHead head)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(spki, out _);
            return key.VerifyData(head.Payload(), Convert.FromBase64String(head.Signature), HashAlgorithmName.SHA256);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }

    /// <summary>The highest sequence the audit trail (itself hash-chained and anchored) saw ingested for this system.</summary>
    private async Task<long> AuditedEndAsync(Guid systemId, CancellationToken ct)
    {
        var id = systemId.ToString();
        var summaries = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.AccessRecordsIngested && e.EntityId == id)
            .Select(e => e.Summary).ToListAsync(ct);
        var end = 0L;
        foreach (var s in summaries)
        {
            try
            {
                using var doc = JsonDocument.Parse(s);
                end = Math.Max(end, doc.RootElement.GetProperty("head").GetProperty("sequence").GetInt64());
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // a damaged event is the audit trail's own verify's to report
            }
        }

        return end;
    }
}
