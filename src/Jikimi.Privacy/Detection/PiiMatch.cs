namespace Jikimi.Privacy.Detection;

/// <summary>One detection inside a span of UTF-8 text: where it is, never what it is.</summary>
public readonly record struct PiiMatch(PiiType Type, Confidence Confidence, int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// Receives matches while the text is still in the buffer. The raw bytes are passed only for this call so the
/// sink can mask and fingerprint them; they must not be kept.
/// </summary>
public interface IMatchSink
{
    void OnMatch(in PiiMatch match, ReadOnlySpan<byte> value);
}

/// <summary>What the detector looks for and how sure it must be.</summary>
public sealed record DetectorOptions
{
    /// <summary>Matches below this are not reported (default: medium, the level at which no look-alike is reported).</summary>
    public Confidence MinConfidence { get; init; } = Confidence.Medium;

    /// <summary>Types to detect (default: all).</summary>
    public IReadOnlySet<PiiType>? Types { get; init; }

    /// <summary>
    /// The latest plausible birth date of a registration number (the scan date): later dates are not RRNs/FRNs.
    /// Callers pass their clock's date; the default accepts any date.
    /// </summary>
    public DateOnly LatestBirthDate { get; init; } = DateOnly.MaxValue;
}
