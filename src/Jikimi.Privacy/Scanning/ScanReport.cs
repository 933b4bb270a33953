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
    private readonly DistinctCounter _distinct = new();
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

    /// <summary>Records only when something consumes them (a writer); otherwise the scan just counts.</summary>
    public Confidence? FindingsFrom => onReported is null ? null : ReportLevel;

    public void OnTally(string place, TallyBatch batch)
    {
        lock (_gate)
        {
            if (!_places.TryGetValue(place, out var perType))
            {
                perType = new long[PiiTypeNames.All.Count];
            }

            var any = false;
            for (var slot = 0; slot < batch.Counts.Length; slot++)
            {
                var n = batch.Counts[slot];
                if (n == 0)
                {
                    continue;
                }

                var conf = (Confidence)(slot & 3);
                if (Highest is null || conf > Highest)
                {
                    Highest = conf;
                }

                if (conf >= ReportLevel)
                {
                    Total += n;
                    _counts[slot >> 2, slot & 3] += n;
                    perType[slot >> 2] += n;
                    any = true;
                }
            }

            if (any)
            {
                _places[place] = perType;
            }

            for (var i = 0; i < batch.Keys.Length; i++)
            {
                if ((Confidence)(batch.Tags[i] & 3) >= ReportLevel)
                {
                    _distinct.Add((PiiType)(batch.Tags[i] >> 2), batch.Keys[i]);
                }
            }
        }
    }

    /// <summary>Records are passed on to the writer; counting happens in <see cref="OnTally"/>.</summary>
    public void OnFinding(Finding finding)
    {
        if (finding.Confidence >= ReportLevel)
        {
            lock (_gate)
            {
                onReported?.Invoke(finding);
            }
        }
    }

    public void OnFindings(IReadOnlyList<Finding> findings)
    {
        lock (_gate)
        {
            foreach (var f in findings)
            {
                if (f.Confidence >= ReportLevel)
                {
                    onReported?.Invoke(f);
                }
            }
        }
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
                .Select(t => new TypeSummary(t, _counts[(int)t, 3], _counts[(int)t, 2], _counts[(int)t, 1], _distinct[t]))
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
