using System.Buffers;
using System.IO.Compression;
using Jikimi.Privacy.Content;
using Jikimi.Privacy.Detection;

namespace Jikimi.Privacy.Scanning;

/// <summary>Turns a file the engine cannot read itself (PDF) into text, e.g. with an external program.</summary>
public interface IExternalTextExtractor
{
    /// <summary>True when this extractor handles the file (by name or first bytes).</summary>
    bool Handles(string path, ReadOnlySpan<byte> head);

    /// <summary>The text as UTF-8, or null with the reason it is skipped (e.g. the program is missing).</summary>
    Stream? Open(string path, out string? skipReason);
}

/// <summary>Receives results from many threads at once; implementations synchronise.</summary>
public interface IScanObserver
{
    /// <summary>
    /// The lowest confidence for which the observer wants <see cref="Finding"/> records (masked value, HMAC
    /// fingerprint, location); null when it only counts (then it gets tallies alone, the fast path).
    /// </summary>
    Confidence? FindingsFrom => Confidence.Low;

    /// <summary>Every finding of the detector is counted here, whether or not a record is made for it.</summary>
    void OnTally(string place, TallyBatch batch)
    {
    }

    void OnFinding(Finding finding);

    /// <summary>Several findings of one file at once (the engine batches them to keep locks off the hot path).</summary>
    void OnFindings(IReadOnlyList<Finding> findings)
    {
        foreach (var f in findings)
        {
            OnFinding(f);
        }
    }

    void OnSkipped(string path, string reason);

    void OnFileScanned(string path, long bytes);
}

/// <summary>Live counters for a progress display (read them from another thread).</summary>
public sealed class ScanProgress
{
    private long _files;
    private long _bytes;
    private long _findings;
    private long _skipped;

    public long Files => Interlocked.Read(ref _files);

    public long Bytes => Interlocked.Read(ref _bytes);

    public long Findings => Interlocked.Read(ref _findings);

    public long Skipped => Interlocked.Read(ref _skipped);

    public void AddBytes(long n) => Interlocked.Add(ref _bytes, n);

    public void AddFile() => Interlocked.Increment(ref _files);

    public void AddFinding() => Interlocked.Increment(ref _findings);

    public void AddFindings(long n) => Interlocked.Add(ref _findings, n);

    public void AddSkipped() => Interlocked.Increment(ref _skipped);
}

public sealed record ScanOptions
{
    public DetectorOptions Detector { get; init; } = new();

    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Read buffer per thread; memory is flat in file size.</summary>
    public int BufferSize { get; init; } = 1 << 20;

    /// <summary>Where read buffers come from; what they held is cleared before they go back.</summary>
    public ArrayPool<byte> BufferPool { get; init; } = ArrayPool<byte>.Shared;

    public ArchiveLimits Limits { get; init; } = new();

    public IExternalTextExtractor? Extractor { get; init; }
}

/// <summary>
/// Scans files in parallel (one file per thread, a fixed buffer each): plain text in UTF-8, UTF-16 or
/// EUC-KR/CP949; .gz; Office Open XML and .hwpx documents; PDFs through an external extractor. Errors are
/// reported per file as a reason that names the file and never its content.
/// </summary>
public sealed class ScanEngine
{
    private readonly PiiDetector _detector;
    private readonly FindingFactory _factory;
    private readonly ScanOptions _options;

    public ScanEngine(ScanOptions options, Fingerprinter fingerprinter)
    {
        _options = options;
        _detector = new PiiDetector(options.Detector);
        _factory = new FindingFactory(fingerprinter);
    }

    public ScanProgress Progress { get; } = new();

    public Task RunAsync(IEnumerable<WalkItem> items, IScanObserver observer, CancellationToken ct = default) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Threads), CancellationToken = ct }, (item, token) =>
        {
            if (item.SkipReason is not null)
            {
                Progress.AddSkipped();
                observer.OnSkipped(item.Path, item.SkipReason);
            }
            else
            {
                ScanFile(item.Path, observer, token);
            }

            return ValueTask.CompletedTask;
        });

    /// <summary>Scans one file; problems become a skip reason (type of problem, never content).</summary>
    public void ScanFile(string path, IScanObserver observer, CancellationToken ct = default)
    {
        var buffer = _options.BufferPool.Rent(_options.BufferSize);
        if (!_scanners.TryTake(out var scanner))
        {
            scanner = new TextStreamScanner(_detector, _factory, observer, Progress);
        }

        scanner.Attach(observer);
        try
        {
            var bytes = ScanFileCore(path, scanner, buffer, observer, ct);
            scanner.Flush();
            if (bytes >= 0)
            {
                Progress.AddFile();
                observer.OnFileScanned(path, bytes);
            }
        }
        catch (ArchiveLimitException ex)
        {
            Skip(observer, path, "zip bomb limits: " + ex.Message);
        }
        catch (Jikimi.Input.InputException ex)
        {
            // An inflated part or .gz stream went past its cap (the place names the path and entry, never content).
            Skip(observer, path, $"zip bomb limits: {ex.Error.Place?.File}: more than {ex.Error.Limit:N0} bytes uncompressed");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or System.Xml.XmlException)
        {
            // Parser messages can quote content; report the kind of problem only.
            Skip(observer, path, ex switch
            {
                UnauthorizedAccessException => "unreadable: permission denied",
                InvalidDataException => "unreadable: corrupt archive or compressed data",
                System.Xml.XmlException => "unreadable: malformed XML in document",
                _ => "unreadable: I/O error",
            });
        }
        finally
        {
            scanner.Flush(); // what was found before a problem still counts
            // The buffer held file contents (personal data, by definition of this tool): clear the part that was
            // used before it goes back to a pool other code shares.
            buffer.AsSpan(0, scanner.TakeHighWater()).Clear();
            _scanners.Add(scanner);
            _options.BufferPool.Return(buffer);
        }
    }

    // Scanners (with their tally buffers) are reused across files: a tree of many small files allocates a few.
    private readonly System.Collections.Concurrent.ConcurrentBag<TextStreamScanner> _scanners = [];

    private void Skip(IScanObserver observer, string path, string reason)
    {
        Progress.AddSkipped();
        observer.OnSkipped(path, reason);
    }

    private long ScanFileCore(string path, TextStreamScanner scanner, byte[] buffer, IScanObserver observer, CancellationToken ct)
    {
        var where = new Location { Path = path };
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        Span<byte> head = stackalloc byte[8];
        var h = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..h];
        file.Position = 0;
        if (head.StartsWith("PK\x03\x04"u8) && OfficeDocument.IsOfficeName(path))
        {
            long total = 0;
            OfficeDocument.ReadText(file, path, _options.Limits, (entry, text) =>
                total += scanner.Scan(text, where with { Entry = entry }, buffer, n => Progress.AddBytes(n), ct));
            return total;
        }

        if (_options.Extractor is { } x && x.Handles(path, head))
        {
            using var extracted = x.Open(path, out var reason);
            if (extracted is null)
            {
                Skip(observer, path, reason ?? "no text extractor");
                return -1;
            }

            return ScanText(extracted, path, where, scanner, buffer, observer, ct);
        }

        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            using var gz = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
            using var limited = new Jikimi.Input.BoundedStream(gz, _options.Limits.MaxGzipUncompressed, path);
            return ScanText(limited, path, where, scanner, buffer, observer, ct);
        }

        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("%PDF"u8))
        {
            Skip(observer, path, head[0] == (byte)'P' ? "zip archive (only Office and .hwpx documents are opened)" : "PDF (no text extractor)");
            return -1;
        }

        return ScanText(file, path, where, scanner, buffer, observer, ct);
    }

    private long ScanText(Stream raw, string path, Location where, TextStreamScanner scanner, byte[] buffer, IScanObserver observer, CancellationToken ct)
    {
        using var utf8 = TextDecoder.OpenUtf8(raw, out _);
        if (utf8 is null)
        {
            Skip(observer, path, "binary file");
            return -1;
        }

        return scanner.Scan(utf8, where, buffer, n => Progress.AddBytes(n), ct);
    }
}
