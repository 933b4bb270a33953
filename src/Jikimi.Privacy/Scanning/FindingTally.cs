using System.Runtime.CompilerServices;

namespace Jikimi.Privacy.Scanning;

/// <summary>
/// Findings of one place counted on the scanning thread: counts by type and confidence, and the distinct key
/// (<see cref="Fingerprinter.DistinctKey"/>) of each finding. Handed to the observer in batches, so a scan that
/// only summarises builds no <see cref="Finding"/> record, no masked string, no HMAC and no location per match.
/// </summary>
public readonly ref struct TallyBatch(ReadOnlySpan<long> counts, ReadOnlySpan<ulong> keys, ReadOnlySpan<byte> tags)
{
    /// <summary>Findings by <c>type * 4 + confidence</c>.</summary>
    public ReadOnlySpan<long> Counts { get; } = counts;

    /// <summary>The distinct key of each finding in this batch.</summary>
    public ReadOnlySpan<ulong> Keys { get; } = keys;

    /// <summary>For each key: <c>type * 4 + confidence</c>.</summary>
    public ReadOnlySpan<byte> Tags { get; } = tags;

    public static int Slot(PiiType type, Confidence confidence) => ((int)type * 4) + (int)confidence;

    public static int Slots => PiiTypeNames.All.Count * 4;
}

/// <summary>Accumulates a <see cref="TallyBatch"/> for one place at a time; one per scanning thread.</summary>
public sealed class FindingTally(IScanObserver observer, ScanProgress? progress)
{
    private const int Capacity = 4096;

    private readonly long[] _counts = new long[TallyBatch.Slots];
    private readonly ulong[] _keys = new ulong[Capacity];
    private readonly byte[] _tags = new byte[Capacity];
    private int _n;
    private long _total;
    private string? _place;

    /// <summary>Starts counting for a place (flushing what the previous place had).</summary>
    public void StartPlace(string place)
    {
        if (!ReferenceEquals(place, _place))
        {
            Flush();
            _place = place;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(PiiType type, Confidence confidence, ulong key)
    {
        var slot = (byte)TallyBatch.Slot(type, confidence);
        _counts[slot]++;
        _keys[_n] = key;
        _tags[_n] = slot;
        _total++;
        if (++_n == Capacity)
        {
            Flush();
        }
    }

    public void Flush()
    {
        if (_total == 0 || _place is null)
        {
            return;
        }

        progress?.AddFindings(_total);
        observer.OnTally(_place, new TallyBatch(_counts, _keys.AsSpan(0, _n), _tags.AsSpan(0, _n)));
        Array.Clear(_counts);
        _n = 0;
        _total = 0;
    }
}
