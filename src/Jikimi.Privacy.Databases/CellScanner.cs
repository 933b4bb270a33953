using System.Buffers;
using System.Text;
using Jikimi.Privacy.Detection;
using Jikimi.Privacy.Scanning;

namespace Jikimi.Privacy.Databases;

/// <summary>Scans one cell's text at a time and reports findings located by table, column and row key.</summary>
internal sealed class CellScanner(PiiDetector detector, FindingFactory factory, IScanObserver observer, ScanProgress? progress) : IMatchSink
{
    private readonly Confidence? _findingsFrom = observer.FindingsFrom;

    // One tally per column of the current table (summaries count per table.column).
    private readonly Dictionary<string, FindingTally> _tallies = new(StringComparer.Ordinal);
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private Location _where = null!;
    private FindingTally _tally = null!;
    private int _length;
    private string? _table;

    public long Bytes { get; private set; }

    public void Scan(string cell, Location where)
    {
        var max = Encoding.UTF8.GetMaxByteCount(cell.Length);
        if (max > _buffer.Length)
        {
            ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
            _buffer = ArrayPool<byte>.Shared.Rent(max);
        }

        _length = Encoding.UTF8.GetBytes(cell, _buffer);
        _where = where;
        if (!string.Equals(where.Table, _table, StringComparison.Ordinal))
        {
            Flush();
            _tallies.Clear();
            _table = where.Table;
        }

        var field = where.Field ?? string.Empty;
        if (!_tallies.TryGetValue(field, out var tally))
        {
            _tallies[field] = tally = new FindingTally(observer, progress);
            tally.StartPlace(where.Place);
        }

        _tally = tally;

        Bytes += _length;
        progress?.AddBytes(_length);
        detector.ScanAll(_buffer.AsSpan(0, _length), this);
    }

    void IMatchSink.OnMatch(in PiiMatch match, ReadOnlySpan<byte> value)
    {
        _tally.Add(match.Type, match.Confidence, factory.Fingerprinter.DistinctKey(match.Type, value));
        if (_findingsFrom is not { } wanted || match.Confidence < wanted)
        {
            return;
        }

        var before = _buffer.AsSpan(0, match.Start);
        var line = before.Count((byte)'\n');
        var lineStart = line == 0 ? 0 : before.LastIndexOf((byte)'\n') + 1;
        var where = _where with { Line = line + 1, Column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1, Offset = match.Start };
        observer.OnFinding(factory.Create(match.Type, match.Confidence, where, value));
    }

    /// <summary>Hands pending counts to the observer (at the end of each table).</summary>
    public void Flush()
    {
        foreach (var t in _tallies.Values)
        {
            t.Flush();
        }
    }

    public void Release()
    {
        // Cells held personal data: clear before the buffer goes back to the shared pool.
        ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
        _buffer = [];
    }
}
