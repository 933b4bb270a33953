namespace Jikimi.Input;

/// <summary>
/// A read-only view of another stream that lets at most <c>limit</c> bytes through: a read that brings the count
/// past the limit throws <see cref="InputException"/> (<c>input.too_large</c>, naming <c>name</c>), so exactly
/// <c>limit</c> bytes read fine and one more does not. The one bounded stream of the house: uploads, request
/// bodies, inflated zip parts and gzip streams all pass through it, whatever sizes their headers claim.
/// </summary>
public sealed class BoundedStream(Stream inner, long limit, string? name = null, bool leaveOpen = false) : Stream
{
    private readonly Stream _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <summary>Bytes read so far.</summary>
    public long Count { get; private set; }

    public long Limit { get; } = limit >= 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit));

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Count; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Counted(_inner.Read(buffer));

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Counted(int n)
    {
        Count += n;
        return Count > Limit ? throw new InputException(InputError.TooLarge(name, Limit)) : n;
    }
}
