namespace Jikimi.Domain.AuditTrail;

/// <summary>What kind of break: read by screens that word it in Korean or English (the Problem text is English).</summary>
public enum ChainBreakKind
{
    /// <summary>A row in the middle of the chain was deleted.</summary>
    Missing,

    /// <summary>A row does not link to the one before it.</summary>
    Unlinked,

    /// <summary>A row was changed after it was written.</summary>
    Altered,

    /// <summary>The chain ends before a head a signed anchor recorded: its newest events were deleted.</summary>
    Truncated,

    /// <summary>The event at an anchored sequence has another hash than the anchor recorded.</summary>
    Rewritten,
}

/// <summary>Where a chain first breaks: a row whose hash no longer matches, a missing row, or a wrong link.</summary>
public sealed record ChainBreak(string Chain, long Sequence, Guid? EventId, string Problem)
{
    public ChainBreakKind Kind { get; init; }

    /// <summary>The anchor file the chain disagrees with (truncated or rewritten), else null.</summary>
    public string? Anchor { get; init; }
}

/// <summary>Walks one chain in sequence order and reports the first broken link.</summary>
public static class ChainVerifier
{
    public static ChainBreak? Verify(string chain, IEnumerable<AuditEvent> eventsInOrder)
    {
        var expectedPrevious = AuditEvent.Genesis(chain);
        var expectedSequence = 1L;
        foreach (var e in eventsInOrder)
        {
            if (e.Sequence != expectedSequence)
            {
                return new ChainBreak(chain, expectedSequence, null, $"event #{expectedSequence} is missing (next is #{e.Sequence}): a row was deleted") { Kind = ChainBreakKind.Missing };
            }

            if (e.PreviousHash != expectedPrevious)
            {
                return new ChainBreak(chain, e.Sequence, e.Id, $"event #{e.Sequence} does not link to the event before it") { Kind = ChainBreakKind.Unlinked };
            }

            if (e.ComputeHash() != e.Hash)
            {
                return new ChainBreak(chain, e.Sequence, e.Id, $"event #{e.Sequence} was changed after it was written (hash mismatch)") { Kind = ChainBreakKind.Altered };
            }

            expectedPrevious = e.Hash;
            expectedSequence++;
        }

        return null;
    }
}
