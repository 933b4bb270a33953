using System.Runtime.CompilerServices;
using System.Text;
using Jikimi.Privacy.Detection;

namespace Jikimi.Privacy.Scanning;

/// <summary>
/// Scans a UTF-8 stream in one fixed buffer: memory stays flat in the size of the input. Each round keeps
/// <see cref="PiiDetector.Lookbehind"/> bytes before the resume point and stops candidate starts
/// <see cref="PiiDetector.Lookahead"/> bytes before the end of what was read, so an identifier split across two
/// reads is found once. Lines are counted with a vectorised count of '\n'; columns only where a match is.
/// </summary>
public sealed class TextStreamScanner : IMatchSink
{
    public const int MinBufferSize = 4096;

    private const int BatchSize = 256;

    private readonly PiiDetector _detector;
    private readonly FindingFactory _factory;
    private readonly ScanProgress? _progress;
    private readonly List<Finding> _batch = new(BatchSize);
    private IScanObserver _observer = null!;
    private FindingTally _tally = null!;
    private Confidence? _findingsFrom;
    private byte[] _buf = [];
    private Location _where = null!;
    private long _base;
    private long _counted;
    private long _line;
    private long _lineStart;
    private long _charsToBase;
    private long _lastEnd;
    private int _highWater;

    public TextStreamScanner(PiiDetector detector, FindingFactory factory, IScanObserver observer, ScanProgress? progress = null)
    {
        _detector = detector;
        _factory = factory;
        _progress = progress;
        Attach(observer);
    }

    /// <summary>Findings (of any confidence the detector reports) in the last <see cref="Scan"/>.</summary>
    public long Found { get; private set; }

    /// <summary>How much of the buffers passed to <see cref="Scan"/> was filled since the last call (then 0).</summary>
    public int TakeHighWater()
    {
        var h = _highWater;
        _highWater = 0;
        return h;
    }

    /// <summary>Reports to another observer from now on (scanners are reused across files).</summary>
    public void Attach(IScanObserver observer)
    {
        if (ReferenceEquals(observer, _observer))
        {
            return;
        }

        Flush();
        _observer = observer;
        _tally = new FindingTally(observer, _progress);
        _findingsFrom = observer.FindingsFrom;
    }

    /// <summary>Hands pending counts and findings to the observer.</summary>
    public void Flush()
    {
        _tally?.Flush();
        if (_batch.Count > 0)
        {
            _observer.OnFindings(_batch);
            _batch.Clear();
        }
    }

    /// <summary>Scans the stream to its end; <paramref name="onRead"/> gets the byte count of each read. Returns bytes scanned.</summary>
    public long Scan(Stream utf8, Location where, byte[] buffer, Action<int>? onRead = null, CancellationToken ct = default)
    {
        if (buffer.Length < MinBufferSize)
        {
            throw new ArgumentException($"buffer must be at least {MinBufferSize} bytes", nameof(buffer));
        }

        _buf = buffer;
        _where = where;
        _tally.StartPlace(where.Table is not null ? where.Place : where.Path); // summaries count per file, not per document part
        _base = _counted = _lineStart = _charsToBase = _lastEnd = 0;
        _line = 1;
        Found = 0;
        var len = 0;
        long total = 0;
        long resume = 0;
        var eof = false;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            while (!eof && len < buffer.Length)
            {
                var n = utf8.Read(buffer, len, buffer.Length - len);
                if (n == 0)
                {
                    eof = true;
                    break;
                }

                len += n;
                total += n;
                _highWater = Math.Max(_highWater, len);
                onRead?.Invoke(n);
            }

            var to = eof ? len : len - PiiDetector.Lookahead;
            var from = (int)(resume - _base);
            var minStart = (int)Math.Max(0, _lastEnd - _base);
            var end = _detector.Scan(buffer.AsSpan(0, len), Math.Min(from, to), to, eof, minStart, this);
            resume = _base + end;
            if (eof)
            {
                Flush();
                return total;
            }

            var keepFrom = Math.Max(0, Math.Min(end, len) - PiiDetector.Lookbehind);
            while (keepFrom > 0 && (buffer[keepFrom] & 0xC0) == 0x80)
            {
                keepFrom--; // keep whole UTF-8 characters so column counts stay exact
            }

            if (_findingsFrom is not null)
            {
                Drop(keepFrom);
            }

            Buffer.BlockCopy(buffer, keepFrom, buffer, 0, len - keepFrom);
            _base += keepFrom;
            len -= keepFrom;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void IMatchSink.OnMatch(in PiiMatch match, ReadOnlySpan<byte> value)
    {
        var abs = _base + match.Start;
        _lastEnd = abs + match.Length;
        Found++;
        _tally.Add(match.Type, match.Confidence, _factory.Fingerprinter.DistinctKey(match.Type, value));
        if (_findingsFrom is not { } wanted || match.Confidence < wanted)
        {
            return; // counted only: no location, mask or HMAC
        }

        // Lines and columns are tracked only when records are made.
        AdvanceLines(abs);
        var rel = match.Start;
        var col = _lineStart >= _base
            ? Encoding.UTF8.GetCharCount(_buf.AsSpan((int)(_lineStart - _base), rel - (int)(_lineStart - _base)))
            : _charsToBase + Encoding.UTF8.GetCharCount(_buf.AsSpan(0, rel));
        var where = _where with { Line = _line, Column = col + 1, Offset = abs };
        _batch.Add(_factory.Create(match.Type, match.Confidence, where, value));
        if (_batch.Count == BatchSize)
        {
            _observer.OnFindings(_batch);
            _batch.Clear();
        }
    }

    private void AdvanceLines(long target)
    {
        if (target <= _counted)
        {
            return;
        }

        var span = _buf.AsSpan((int)(_counted - _base), (int)(target - _counted));
        var c = span.Count((byte)'\n');
        if (c > 0)
        {
            _line += c;
            _lineStart = _counted + span.LastIndexOf((byte)'\n') + 1;
        }

        _counted = target;
    }

    private void Drop(int keepFrom)
    {
        AdvanceLines(_base + keepFrom);
        var lineStartRel = _lineStart - _base;
        if (lineStartRel >= keepFrom)
        {
            return; // the line starts in the kept part; columns are counted from the buffer
        }

        _charsToBase = lineStartRel >= 0
            ? Encoding.UTF8.GetCharCount(_buf.AsSpan((int)lineStartRel, keepFrom - (int)lineStartRel))
            : _charsToBase + Encoding.UTF8.GetCharCount(_buf.AsSpan(0, keepFrom));
    }
}

/// <summary>Turns a match into a <see cref="Finding"/>: masks and fingerprints the raw bytes, keeps neither.</summary>
public sealed class FindingFactory(Fingerprinter fingerprinter)
{
    public Fingerprinter Fingerprinter { get; } = fingerprinter;

    public Finding Create(PiiType type, Confidence confidence, Location where, ReadOnlySpan<byte> value) =>
        new(type, confidence, where, Masking.Mask(type, value), Fingerprinter.Compute(type, value));
}
