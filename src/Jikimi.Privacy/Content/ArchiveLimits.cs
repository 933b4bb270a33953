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

/// <summary>
/// A container exceeded <see cref="ArchiveLimits"/> by its declared sizes. Carries the path and the limit, never
/// content. Inflated bytes are capped while reading by <see cref="Jikimi.Input.BoundedStream"/> (ADR 0038).
/// </summary>
public sealed class ArchiveLimitException(string message) : Exception(message);
