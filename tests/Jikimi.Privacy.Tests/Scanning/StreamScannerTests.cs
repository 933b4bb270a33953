using System.Text;
using Jikimi.Privacy.Detection;
using Jikimi.Privacy.Scanning;
using Jikimi.Privacy.Tests.Detection;
using Jikimi.TestSupport;

namespace Jikimi.Privacy.Tests.Scanning;

public class StreamScannerTests
{
    private static List<Finding> Stream(string text, int bufferSize)
    {
        var found = new Collect();
        var scanner = new TextStreamScanner(DetectionHelper.Detector(Confidence.Medium), new FindingFactory(Fingerprinter.WithRandomKey()), found);
        scanner.Scan(new MemoryStream(Encoding.UTF8.GetBytes(text)), new Location { Path = "t.txt" }, new byte[bufferSize]);
        return found.Findings;
    }

    [Fact]
    public void An_identifier_split_at_every_possible_buffer_boundary_is_found_once()
    {
        const int buffer = TextStreamScanner.MinBufferSize;
        var id = "960121-1021413";
        for (var shift = 0; shift < 40; shift++)
        {
            // place the identifier across the point where the first round stops (buffer - lookahead)
            var pad = buffer - PiiDetector.Lookahead - (id.Length / 2) - 20 + shift;
            var text = new string('가', pad / 3) + new string('x', pad % 3) + " " + id + " 끝\n" + "mail a.b@example.com\n";
            var found = Stream(text, buffer);
            Assert.Equal([PiiType.KrRrn, PiiType.Email], found.Select(f => f.Type));
            Assert.Equal(Encoding.UTF8.GetByteCount(text[..text.IndexOf(id, StringComparison.Ordinal)]), found[0].Location.Offset);
        }
    }

    [Fact]
    public void Streaming_finds_exactly_what_a_whole_text_scan_finds()
    {
        var (text, _) = new PiiCorpus(seed: 7).Document(perKind: 50);
        var whole = DetectionHelper.Detect(text, Confidence.Medium);
        var streamed = Stream(text, TextStreamScanner.MinBufferSize);
        Assert.True(whole.Count > 500);
        Assert.Equal(whole.Select(h => (h.Type, (long)h.Start)), streamed.Select(f => (f.Type, f.Location.Offset)));
    }

    [Fact]
    public void Lines_columns_and_offsets_are_exact_across_buffers()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 400; i++)
        {
            sb.Append("한글 줄 ").Append(i).Append(" 입니다 — filler text\n");
        }

        var prefix = sb + "이름 홍길동 ";
        var text = prefix + "010-1234-5678\n";
        var f = Assert.Single(Stream(text, TextStreamScanner.MinBufferSize));
        Assert.Equal(401, f.Location.Line);
        Assert.Equal("이름 홍길동 ".Length + 1, f.Location.Column);
        Assert.Equal(Encoding.UTF8.GetByteCount(prefix), f.Location.Offset);
        Assert.Equal("010-****-5678", f.Masked);
    }

    [Fact]
    public void A_long_line_without_newlines_keeps_columns_across_buffers()
    {
        var prefix = new string('가', 5000) + " ";
        var f = Assert.Single(Stream(prefix + "hong@example.com", TextStreamScanner.MinBufferSize));
        Assert.Equal(1, f.Location.Line);
        Assert.Equal(5002, f.Location.Column);
    }

    [Fact]
    public void Findings_hold_only_masked_values_and_keyed_fingerprints()
    {
        var key = "0123456789abcdef0123456789abcdef"u8.ToArray();
        var a = Fingerprinter.WithKey(key).Compute(PiiType.KrRrn, "960121-1021413"u8);
        Assert.Equal(a, Fingerprinter.WithKey(key).Compute(PiiType.KrRrn, "9601211021413"u8));
        Assert.NotEqual(a, Fingerprinter.WithKey("another key of sixteen bytes!"u8).Compute(PiiType.KrRrn, "9601211021413"u8));
        Assert.NotEqual(a, Fingerprinter.WithKey(key).Compute(PiiType.KrFrn, "9601211021413"u8));
        Assert.Equal(
            Fingerprinter.WithKey(key).Compute(PiiType.Phone, "+82 10-1234-5678"u8),
            Fingerprinter.WithKey(key).Compute(PiiType.Phone, "010-1234-5678"u8));
        Assert.Equal( // a passport typed in lower case is the same passport
            Fingerprinter.WithKey(key).Compute(PiiType.KrPassport, "M123A4567"u8),
            Fingerprinter.WithKey(key).Compute(PiiType.KrPassport, "m123a4567"u8));
        Assert.NotEqual(
            Fingerprinter.WithKey(key).Compute(PiiType.KrPassport, "M123A4567"u8),
            Fingerprinter.WithKey(key).Compute(PiiType.KrPassport, "M123B4567"u8));
        Assert.Throws<ArgumentException>(() => Fingerprinter.WithKey("short"u8));
        Assert.True(Fingerprinter.WithRandomKey().IsRandomKey);
        Assert.Equal(32, a.Length);
    }

    [Theory]
    [InlineData(PiiType.KrRrn, "960121-1021413", "960121-1******")]
    [InlineData(PiiType.KrRrn, "9601211021413", "960121-1******")]
    [InlineData(PiiType.KrFrn, "911124-5678906", "911124-5******")]
    [InlineData(PiiType.KrPassport, "M123A4567", "M********")]
    [InlineData(PiiType.KrPassport, "m123a4567", "M********")]
    [InlineData(PiiType.KrCrn, "110111-0123458", "110111-*******")]
    [InlineData(PiiType.KrBrn, "220 - 81 - 12341", "220-81-*****")]
    [InlineData(PiiType.KrDriverLicense, "11-22-123456-78", "11-22-******-**")]
    [InlineData(PiiType.KrBrn, "104-86-56659", "104-86-*****")]
    [InlineData(PiiType.Card, "4111 1111 1111 1111", "4111-********-1111")]
    [InlineData(PiiType.BankAccount, "110-123-456789", "110******789")]
    [InlineData(PiiType.Phone, "010-1234-5678", "010-****-5678")]
    [InlineData(PiiType.Phone, "02-123-4567", "02-***-4567")]
    [InlineData(PiiType.Phone, "+82 10-1234-5678", "+82-10-****-5678")]
    [InlineData(PiiType.Email, "hong.gildong@Example.com", "ho**********@example.com")]
    public void Masks_follow_the_korean_convention(PiiType type, string value, string masked) =>
        Assert.Equal(masked, Masking.Mask(type, Encoding.UTF8.GetBytes(value)));
}
