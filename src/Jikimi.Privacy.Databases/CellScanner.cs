using System.Buffers;
using System.Text;
using Jikimi.Privacy.Detection;
using Jikimi.Privacy.Scanning;

namespace Jikimi.Privacy.Databases;

/// <summary>Scans one cell's text at a time and reports findings located by table, column and row key.</summary>
internal sealed class CellScanner(PiiDetector detector, FindingFactory factory, IScanObserver observer, ScanProgress? progress) : IMatchSink
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private Location _where = null!;
    private int _length;

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
        Bytes += _length;
        progress?.AddBytes(_length);
        detector.ScanAll(_buffer.AsSpan(0, _length), this);
    }

    void IMatchSink.OnMatch(in PiiMatch match, ReadOnlySpan<byte> value)
    {
        var before = _buffer.AsSpan(0, match.Start);
        var line = before.Count((byte)'\n');
        var lineStart = line == 0 ? 0 : before.LastIndexOf((byte)'\n') + 1;
        var where = _where with { Line = line + 1, Column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1, Offset = match.Start };
        progress?.AddFinding();
        observer.OnFinding(factory.Create(match.Type, match.Confidence, where, value));
    }

    public void Release()
    {
        // Cells held personal data: clear before the buffer goes back to the shared pool.
        ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
        _buffer = [];
    }
}
