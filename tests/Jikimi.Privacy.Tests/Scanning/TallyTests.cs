using System.Text;
using Jikimi.Privacy.Detection;
using Jikimi.Privacy.Scanning;
using Jikimi.Privacy.Tests.Detection;
using Jikimi.TestSupport;

namespace Jikimi.Privacy.Tests.Scanning;

/// <summary>
/// A summary-only scan counts from tallies (distinct keys, no records); it must agree with a scan that makes a
/// record (masked value, HMAC fingerprint) for every finding.
/// </summary>
public class TallyTests
{
    private static readonly Fingerprinter Key = Fingerprinter.WithKey("0123456789abcdef0123456789abcdef"u8);

    [Theory]
    [InlineData(PiiType.Phone, "+82 10-1234-5678", "010-1234-5678", true)]
    [InlineData(PiiType.KrRrn, "960121-1021413", "9601211021413", true)]
    [InlineData(PiiType.KrRrn, "960121-1021413", "960121-1021414", false)]
    [InlineData(PiiType.BankAccount, "0012345678", "012345678", false)] // leading zeros count
    [InlineData(PiiType.Card, "4111-1111-1111-1111", "4111111111111111", true)]
    [InlineData(PiiType.Card, "6011000990139424123", "6011-0009-9013-9424-123", true)] // 19 digits: the hashed path
    [InlineData(PiiType.Email, "Hong@Example.com", "hong@example.com", true)]
    [InlineData(PiiType.Email, "hong@example.com", "hong@example.org", false)]
    [InlineData(PiiType.KrPassport, "M123A4567", "M123A4568", false)]
    public void Distinct_keys_are_equal_exactly_when_fingerprints_are(PiiType type, string a, string b, bool same)
    {
        var (ka, kb) = (Key.DistinctKey(type, Encoding.UTF8.GetBytes(a)), Key.DistinctKey(type, Encoding.UTF8.GetBytes(b)));
        var (fa, fb) = (Key.Compute(type, Encoding.UTF8.GetBytes(a)), Key.Compute(type, Encoding.UTF8.GetBytes(b)));
        Assert.Equal(same, fa == fb);
        Assert.Equal(same, ka == kb);
    }

    [Fact]
    public void The_same_digits_of_two_types_are_two_values()
    {
        Assert.NotEqual(Key.DistinctKey(PiiType.KrRrn, "9601211021413"u8), Key.DistinctKey(PiiType.KrFrn, "9601211021413"u8));
    }

    [Fact]
    public void Distinct_keys_are_salted_per_fingerprinter()
    {
        Assert.NotEqual(Key.DistinctKey(PiiType.KrRrn, "9601211021413"u8), Fingerprinter.WithKey("0123456789abcdef0123456789abcdef"u8).DistinctKey(PiiType.KrRrn, "9601211021413"u8));
    }

    [Fact]
    public void A_summary_scan_counts_what_a_scan_with_records_reports()
    {
        // Every identifier twice (distinct < total), some below the report level, across many buffers.
        var (text, _) = new PiiCorpus(seed: 11).Document(perKind: 60);
        var bytes = Encoding.UTF8.GetBytes(text + "\n" + text);
        var summary = Scan(bytes, withRecords: false, out _);
        var records = new List<Finding>();
        var full = Scan(bytes, withRecords: true, out var written);
        records.AddRange(written);

        Assert.Null(summary.FindingsFrom);
        Assert.Equal(Confidence.Medium, full.FindingsFrom);
        Assert.True(summary.Total > 500, $"the corpus should give many findings ({summary.Total})");
        Assert.Equal(records.Count, summary.Total);
        Assert.Equal(full.Total, summary.Total);
        Assert.Equal(full.Highest, summary.Highest);
        foreach (var type in summary.ByType())
        {
            var ofType = records.Where(f => f.Type == type.Type).ToList();
            Assert.Equal(ofType.Count(f => f.Confidence == Confidence.High), type.High);
            Assert.Equal(ofType.Count(f => f.Confidence == Confidence.Medium), type.Medium);
            Assert.Equal(ofType.Select(f => f.Fingerprint).Distinct().Count(), type.Distinct);
            Assert.True(type.Distinct < type.Total, $"{type.Type}: every value appears twice");
        }

        Assert.Equal(summary.ByType(), full.ByType());
        Assert.Equal(summary.TopPlaces(5), full.TopPlaces(5), new PlaceComparer());
    }

    [Fact]
    public void Findings_below_the_report_level_count_for_the_gate_only()
    {
        // A bare 13-digit number with a failed checksum and no context is low confidence.
        var report = Scan(Encoding.UTF8.GetBytes("값 9601211021414 끝\n"), withRecords: false, out _, detectorMin: Confidence.Low);
        Assert.Equal(0, report.Total);
        Assert.Equal(Confidence.Low, report.Highest);
        Assert.Empty(report.ByType());
    }

    private static ScanReport Scan(byte[] text, bool withRecords, out List<Finding> written, Confidence detectorMin = Confidence.Medium)
    {
        var list = new List<Finding>();
        written = list;
        var report = new ScanReport(Confidence.Medium, withRecords ? list.Add : null);
        var scanner = new TextStreamScanner(DetectionHelper.Detector(detectorMin), new FindingFactory(Key), report);
        scanner.Scan(new MemoryStream(text), new Location { Path = "t.txt" }, new byte[TextStreamScanner.MinBufferSize]);
        return report;
    }

    private sealed class PlaceComparer : IEqualityComparer<PlaceSummary>
    {
        public bool Equals(PlaceSummary? x, PlaceSummary? y) =>
            x!.Place == y!.Place && x.Total == y.Total && x.ByType.OrderBy(p => p.Key).SequenceEqual(y.ByType.OrderBy(p => p.Key));

        public int GetHashCode(PlaceSummary obj) => obj.Place.GetHashCode(StringComparison.Ordinal);
    }
}

public class DistinctCounterTests
{
    [Fact]
    public void Counts_distinct_keys_per_type_through_growth()
    {
        var counter = new DistinctCounter();
        var rng = new Random(5);
        var keys = Enumerable.Range(0, 150_000).Select(_ => (ulong)rng.NextInt64()).ToArray();
        foreach (var k in keys)
        {
            counter.Add(PiiType.KrRrn, k);
            counter.Add(PiiType.Phone, k); // the same key under another type is another value
        }

        foreach (var k in keys.Take(50_000))
        {
            counter.Add(PiiType.KrRrn, k); // repeats do not count
        }

        counter.Add(PiiType.Email, 0); // the empty-slot marker is still a key
        counter.Add(PiiType.Email, 0);
        Assert.Equal(keys.Distinct().Count(), counter[PiiType.KrRrn]);
        Assert.Equal(keys.Distinct().Count(), counter[PiiType.Phone]);
        Assert.Equal(1, counter[PiiType.Email]);
        Assert.Equal(0, counter[PiiType.Card]);
    }
}
