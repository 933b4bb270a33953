using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.AuditTrail;
using Jikimi.Input;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.AuditTrail;

/// <summary>An anchor file verify refused: unreadable, not an anchor, signed by an unknown key or with a signature that does not hold.</summary>
public sealed record AnchorProblem(string File, string Problem);

public sealed record AuditTrailReport(int Chains, long Events, IReadOnlyList<ChainBreak> Breaks)
{
    /// <summary>Anchor files whose signature held and whose heads were compared with the chains.</summary>
    public int Anchors { get; init; }

    /// <summary>The newest of those (by its anchoring time), or null when there is none yet.</summary>
    public string? LatestAnchor { get; init; }

    public IReadOnlyList<AnchorProblem> AnchorProblems { get; init; } = [];

    public bool Intact => Breaks.Count == 0 && AnchorProblems.Count == 0;
}

/// <summary>
/// Recomputes every chain and reports the first broken link of each (an edited, deleted or re-linked row), then
/// compares the chains with every signed anchor in the anchor folder (ADR 0052): a chain that ends before an anchored
/// head, or whose event at an anchored sequence has another hash, was cut or rewritten. An anchor whose signature does
/// not hold, or that a key this installation never registered signed, is refused and fails the check.
/// </summary>
public sealed class VerifyAuditTrail(JikimiDb db, AuditAnchorKeys keys)
{
    /// <summary>The check for a person over HTTP: every organization's chain is read, so instance administrators only.</summary>
    public async Task<Result<AuditTrailReport>> HandleFor(Actor actor, CancellationToken ct) =>
        actor.IsSystemAdministrator ? await Handle(ct) : new SystemAdministratorOnly();

    public async Task<AuditTrailReport> Handle(CancellationToken ct)
    {
        var chains = await db.AuditEvents.IgnoreQueryFilters().Select(e => e.Chain).Distinct().ToListAsync(ct);
        var breaks = new List<ChainBreak>();
        var hashes = new Dictionary<string, Dictionary<long, string>>(StringComparer.Ordinal);
        long total = 0;
        foreach (var chain in chains.Order(StringComparer.Ordinal))
        {
            var events = await db.AuditEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.Chain == chain).OrderBy(e => e.Sequence).ToListAsync(ct);
            total += events.Count;
            hashes[chain] = events.GroupBy(e => e.Sequence).ToDictionary(g => g.Key, g => g.First().Hash);
            if (ChainVerifier.Verify(chain, events) is { } broken)
            {
                breaks.Add(broken);
            }
        }

        var (anchors, problems) = await ReadAnchorsAsync(ct);
        foreach (var (file, anchor) in anchors.OrderByDescending(a => a.Anchor.AnchoredAt))
        {
            foreach (var head in anchor.Heads)
            {
                if (breaks.Any(b => b.Chain == head.Chain))
                {
                    continue; // one finding per chain: the newest anchor that disagrees, or the chain's own break
                }

                var seen = hashes.GetValueOrDefault(head.Chain);
                var last = seen is { Count: > 0 } ? seen.Keys.Max() : 0;
                if (last < head.Sequence)
                {
                    breaks.Add(new ChainBreak(head.Chain, last + 1, null,
                        $"truncated: the chain ends at #{last} but anchor {file} ({anchor.AnchoredAt:yyyy-MM-dd HH:mm:ss}Z) recorded #{head.Sequence}; the newest events were deleted")
                    { Kind = ChainBreakKind.Truncated, Anchor = file });
                }
                else if (seen!.TryGetValue(head.Sequence, out var hash) && hash != head.Hash)
                {
                    breaks.Add(new ChainBreak(head.Chain, head.Sequence, null,
                        $"event #{head.Sequence} is not the one anchor {file} ({anchor.AnchoredAt:yyyy-MM-dd HH:mm:ss}Z) recorded: the hash changed")
                    { Kind = ChainBreakKind.Rewritten, Anchor = file });
                }
            }
        }

        return new AuditTrailReport(chains.Count, total, breaks)
        {
            Anchors = anchors.Count,
            LatestAnchor = anchors.OrderByDescending(a => a.Anchor.AnchoredAt).Select(a => a.File).FirstOrDefault(),
            AnchorProblems = problems,
        };
    }

    private async Task<(List<(string File, AuditAnchor Anchor)> Anchors, List<AnchorProblem> Problems)> ReadAnchorsAsync(CancellationToken ct)
    {
        var anchors = new List<(string, AuditAnchor)>();
        var problems = new List<AnchorProblem>();
        var directory = keys.Directory;
        if (!Directory.Exists(directory))
        {
            return (anchors, problems);
        }

        var trusted = await keys.TrustedAsync(db, ct);
        foreach (var path in Directory.EnumerateFiles(directory, "audit-anchor-*.json").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            var read = await InputFile.ReadFileAsync(path, AuditAnchorOptions.MaxFileBytes, ct);
            var text = read.IsOk ? read.Value.Utf8() : read.Error!;
            if (!text.IsOk)
            {
                problems.Add(new AnchorProblem(file, text.Error!.Message));
                continue;
            }

            var (anchor, problem) = AuditAnchor.Parse(text.Value);
            if (anchor is null)
            {
                problems.Add(new AnchorProblem(file, "not an audit anchor: " + problem));
            }
            else if (!trusted.TryGetValue(anchor.KeyId, out var spki))
            {
                problems.Add(new AnchorProblem(file, $"refused: signed by key {anchor.KeyId[..16]}…, which this installation never registered (or is not pinned in AuditAnchors:TrustedKeyIds)"));
            }
            else if (!anchor.SignatureHolds(spki))
            {
                problems.Add(new AnchorProblem(file, "refused: the signature does not hold; the anchor was altered after it was written"));
            }
            else
            {
                anchors.Add((file, anchor));
            }
        }

        return (anchors, problems);
    }
}
