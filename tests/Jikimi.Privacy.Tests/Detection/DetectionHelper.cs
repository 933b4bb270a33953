using System.Text;
using Jikimi.Privacy.Detection;

namespace Jikimi.Privacy.Tests.Detection;

/// <summary>Runs the detector over a string and returns what it saw (the raw text only inside the test).</summary>
public static class DetectionHelper
{
    public static readonly DateOnly ScanDate = new(2026, 11, 27);

    public static PiiDetector Detector(Confidence min = Confidence.Low) => new(new DetectorOptions { MinConfidence = min, LatestBirthDate = ScanDate });

    public static List<Hit> Detect(string text, Confidence min = Confidence.Low)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var sink = new Collector(bytes);
        Detector(min).ScanAll(bytes, sink);
        return sink.Hits;
    }

    public sealed record Hit(PiiType Type, Confidence Confidence, string Value, int Start);

    public sealed class Collector(byte[] text) : IMatchSink
    {
        public List<Hit> Hits { get; } = [];

        public void OnMatch(in PiiMatch match, ReadOnlySpan<byte> value)
        {
            Assert.True(value.SequenceEqual(text.AsSpan(match.Start, match.Length)));
            Hits.Add(new Hit(match.Type, match.Confidence, Encoding.UTF8.GetString(value), match.Start));
        }
    }
}
