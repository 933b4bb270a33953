namespace Jikimi.Privacy.Content;

/// <summary>
/// Limits on compressed containers (zip bombs): entries, total uncompressed bytes of the parts read, and the
/// compression ratio of each part. Declared sizes are checked first and enforced again while reading, because
/// a hostile archive can lie about them.
/// </summary>
public sealed record ArchiveLimits
{
    public int MaxEntries { get; init; } = 10_000;

    /// <summary>Uncompressed bytes read from one .docx/.xlsx/.pptx/.hwpx (text parts only).</summary>
    public long MaxTotalUncompressed { get; init; } = 1L << 30;

    /// <summary>Uncompressed to compressed size of one part (Apache POI uses the same 100).</summary>
    public double MaxRatio { get; init; } = 100;

    /// <summary>Uncompressed bytes read from one .gz file.</summary>
    public long MaxGzipUncompressed { get; init; } = 16L << 30;
}

/// <summary>A container exceeded <see cref="ArchiveLimits"/>. Carries the path and the limit, never content.</summary>
public sealed class ArchiveLimitException(string message) : Exception(message);

/// <summary>Counts bytes read from an inner stream and stops at a limit.</summary>
internal sealed class LimitedReadStream(Stream inner, long limit, string what) : Stream
{
    public long Count { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Count; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Count += n;
        return Count > limit ? throw new ArchiveLimitException($"{what}: more than {limit:N0} bytes uncompressed") : n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
