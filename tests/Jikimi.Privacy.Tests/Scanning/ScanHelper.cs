using Jikimi.Privacy.Scanning;
using Jikimi.Privacy.Tests.Detection;

namespace Jikimi.Privacy.Tests.Scanning;

/// <summary>Collects everything an engine reports.</summary>
public sealed class Collect : IScanObserver
{
    private readonly Lock _gate = new();

    public List<Finding> Findings { get; } = [];

    public List<(string Path, string Reason)> Skipped { get; } = [];

    public List<string> Scanned { get; } = [];

    public void OnFinding(Finding finding)
    {
        lock (_gate)
        {
            Findings.Add(finding);
        }
    }

    public void OnSkipped(string path, string reason)
    {
        lock (_gate)
        {
            Skipped.Add((path, reason));
        }
    }

    public void OnFileScanned(string path, long bytes)
    {
        lock (_gate)
        {
            Scanned.Add(path);
        }
    }

    public static ScanEngine Engine(int bufferSize = 1 << 20, Jikimi.Privacy.Content.ArchiveLimits? limits = null, IExternalTextExtractor? extractor = null) => new(
        new ScanOptions
        {
            Detector = new() { LatestBirthDate = DetectionHelper.ScanDate },
            BufferSize = bufferSize,
            Limits = limits ?? new(),
            Extractor = extractor,
            Threads = 2,
        },
        Fingerprinter.WithKey("0123456789abcdef0123456789abcdef"u8));

    public static Collect File(string path, int bufferSize = 1 << 20, Jikimi.Privacy.Content.ArchiveLimits? limits = null)
    {
        var c = new Collect();
        Engine(bufferSize, limits).ScanFile(path, c);
        return c;
    }
}
