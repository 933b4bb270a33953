using System.Buffers;
using System.IO.Compression;
using System.Text;
using Jikimi.Privacy.Scanning;
using Jikimi.Privacy.Tests.Detection;
using Jikimi.TestSupport;

namespace Jikimi.Privacy.Tests.Scanning;

/// <summary>Read buffers go back to their pool without the file contents they held.</summary>
public sealed class BufferHygieneTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A pool that hands out fresh arrays and keeps every array given back, for inspection.</summary>
    private sealed class RecordingPool : ArrayPool<byte>
    {
        public List<byte[]> Returned { get; } = [];

        public override byte[] Rent(int minimumLength) => new byte[minimumLength];

        public override void Return(byte[] array, bool clearArray = false) => Returned.Add(array);
    }

    [Theory]
    [InlineData("plain.txt", false)]
    [InlineData("plain.log.gz", true)]
    public void Buffers_are_cleared_before_they_go_back(string name, bool gzip)
    {
        const string rrn = "960121-1021413";
        var text = string.Concat(Enumerable.Repeat("고객 메모 — 주민등록번호 " + rrn + " 확인\n", 2000));
        var path = _dir.File(name);
        if (gzip)
        {
            using var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest);
            gz.Write(Encoding.UTF8.GetBytes(text));
        }
        else
        {
            File.WriteAllText(path, text);
        }

        var pool = new RecordingPool();
        var engine = new ScanEngine(
            new ScanOptions { Detector = new() { LatestBirthDate = DetectionHelper.ScanDate }, BufferSize = 16 * 1024, BufferPool = pool },
            Fingerprinter.WithRandomKey());
        var report = new ScanReport(Confidence.Medium);
        engine.ScanFile(path, report);

        Assert.Equal(2000, report.Total); // the scan saw the values…
        var buffer = Assert.Single(pool.Returned);
        Assert.True(buffer.AsSpan().IndexOf("1021413"u8) < 0, "a raw value is still in the returned buffer"); // …and left none behind
        Assert.True(buffer.AsSpan().IndexOf("고객"u8) < 0, "file text is still in the returned buffer");
    }
}
