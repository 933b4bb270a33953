namespace Jikimi.Domain.AuditTrail;

/// <summary>Where a chain first breaks: a row whose hash no longer matches, a missing row, or a wrong link.</summary>
public sealed record ChainBreak(string Chain, long Sequence, Guid? EventId, string Problem);

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
                return new ChainBreak(chain, expectedSequence, null, $"event #{expectedSequence} is missing (next is #{e.Sequence}): a row was deleted");
            }

            if (e.PreviousHash != expectedPrevious)
            {
                return new ChainBreak(chain, e.Sequence, e.Id, $"event #{e.Sequence} does not link to the event before it");
            }

            if (e.ComputeHash() != e.Hash)
            {
                return new ChainBreak(chain, e.Sequence, e.Id, $"event #{e.Sequence} was changed after it was written (hash mismatch)");
            }

            expectedPrevious = e.Hash;
            expectedSequence++;
        }

        return null;
    }
}
