using System.Globalization;

namespace Jikimi.Privacy.Scanning;

/// <summary>
/// Aggregates a scan: counts by type and confidence, distinct values per type (by fingerprint), counts per place,
/// skipped files. Findings at or above the report level are passed on to <paramref name="onReported"/> (e.g. a
/// streaming JSON writer) and not kept, so memory does not grow with the number of findings.
/// </summary>
public sealed class ScanReport(Confidence reportLevel, Action<Finding>? onReported = null) : IScanObserver
{
    private readonly Lock _gate = new();
    private readonly long[,] _counts = new long[PiiTypeNames.All.Count, 4];
    private readonly HashSet<ulong>[] _distinct = PiiTypeNames.All.Select(_ => new HashSet<ulong>()).ToArray();
    private readonly Dictionary<string, long[]> _places = new(StringComparer.Ordinal);
    private readonly List<(string Path, string Reason)> _skipped = [];

    public Confidence ReportLevel { get; } = reportLevel;

    public long Files { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>The highest confidence of any finding, reported or not (for --fail-on).</summary>
    public Confidence? Highest { get; private set; }

    public long Total { get; private set; }

    public IReadOnlyList<(string Path, string Reason)> Skipped
    {
        get
        {
            lock (_gate)
            {
                return _skipped.OrderBy(s => s.Path, StringComparer.Ordinal).ToList();
            }
        }
    }

    public void OnFinding(Finding finding)
    {
        lock (_gate)
        {
            Add(finding);
        }
    }

    public void OnFindings(IReadOnlyList<Finding> findings)
    {
        lock (_gate)
        {
            foreach (var f in findings)
            {
                Add(f);
            }
        }
    }

    private string? _lastPlace;
    private long[]? _lastPerType;

    private void Add(Finding finding)
    {
        if (Highest is null || finding.Confidence > Highest)
        {
            Highest = finding.Confidence;
        }

        if (finding.Confidence < ReportLevel)
        {
            return;
        }

        Total++;
        var t = (int)finding.Type;
        _counts[t, (int)finding.Confidence]++;
        _distinct[t].Add(ulong.Parse(finding.Fingerprint.AsSpan(0, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        var place = finding.Location.Table is not null ? finding.Location.Place : finding.Location.Path;
        if (!ReferenceEquals(place, _lastPlace) || _lastPerType is null)
        {
            if (!_places.TryGetValue(place, out var perType))
            {
                _places[place] = perType = new long[PiiTypeNames.All.Count];
            }

            (_lastPlace, _lastPerType) = (place, perType);
        }

        _lastPerType[t]++;
        onReported?.Invoke(finding);
    }

    public void OnSkipped(string path, string reason)
    {
        lock (_gate)
        {
            _skipped.Add((path, reason));
        }
    }

    public void OnFileScanned(string path, long bytes)
    {
        lock (_gate)
        {
            Files++;
            Bytes += bytes;
        }
    }

    /// <summary>Per type: findings by confidence and distinct values (types with findings only).</summary>
    public IReadOnlyList<TypeSummary> ByType()
    {
        lock (_gate)
        {
            return PiiTypeNames.All
                .Select(t => new TypeSummary(t, _counts[(int)t, 3], _counts[(int)t, 2], _counts[(int)t, 1], _distinct[(int)t].Count))
                .Where(s => s.Total > 0)
                .ToList();
        }
    }

    /// <summary>The places with most findings.</summary>
    public IReadOnlyList<PlaceSummary> TopPlaces(int n)
    {
        lock (_gate)
        {
            return _places
                .Select(p => new PlaceSummary(p.Key, p.Value.Sum(), PiiTypeNames.All.Where(t => p.Value[(int)t] > 0).ToDictionary(t => t, t => p.Value[(int)t])))
                .OrderByDescending(p => p.Total).ThenBy(p => p.Place, StringComparer.Ordinal)
                .Take(n)
                .ToList();
        }
    }

    public int PlaceCount
    {
        get
        {
            lock (_gate)
            {
                return _places.Count;
            }
        }
    }
}

public sealed record TypeSummary(PiiType Type, long High, long Medium, long Low, long Distinct)
{
    public long Total => High + Medium + Low;
}

public sealed record PlaceSummary(string Place, long Total, IReadOnlyDictionary<PiiType, long> ByType);
