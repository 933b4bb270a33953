using System.IO.Compression;
using System.Text;
using Jikimi.Privacy.Content;
using Jikimi.Privacy.Tests.Scanning;
using Jikimi.TestSupport;

namespace Jikimi.Privacy.Tests.Content;

public sealed class ContentTests : IDisposable
{
    private const string Text = "고객명 홍길동\n주민등록번호: 960121-1021413\n연락처 010-1234-5678\n";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void AssertFindsTheThree(Collect c)
    {
        Assert.Empty(c.Skipped);
        Assert.Equal([PiiType.KrRrn, PiiType.Phone], c.Findings.Select(f => f.Type));
        Assert.Equal([2L, 3L], c.Findings.Select(f => f.Location.Line));
        Assert.Equal(9, c.Findings[0].Location.Column);
    }

    public static TheoryData<string> Encodings => new() { "utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom", "utf-16le", "euc-kr" };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Text_in_utf8_utf16_and_euc_kr_is_detected_and_scanned(string encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        byte[] bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(Text),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text)],
            "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Text)],
            "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Text)],
            "utf-16le" => Encoding.Unicode.GetBytes(Text),
            _ => Encoding.GetEncoding(51949).GetBytes(Text),
        };
        var expected = encoding switch
        {
            "utf-8" or "utf-8-bom" => TextEncodingKind.Utf8,
            "utf-16le-bom" or "utf-16le" => TextEncodingKind.Utf16LittleEndian,
            "utf-16be-bom" => TextEncodingKind.Utf16BigEndian,
            _ => TextEncodingKind.Cp949,
        };
        Assert.Equal(expected, TextDecoder.Detect(bytes, complete: true));
        var path = _dir.File("a.txt");
        File.WriteAllBytes(path, bytes);
        var c = Collect.File(path);
        Assert.Equal([PiiType.KrRrn, PiiType.Phone], c.Findings.Select(f => f.Type));
        Assert.Equal(Confidence.High, c.Findings[0].Confidence); // the Korean context word survived decoding
    }

    [Fact]
    public void Gzip_is_decompressed_as_a_stream()
    {
        var path = _dir.File("app.log.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes(Text));
        }

        AssertFindsTheThree(Collect.File(path));
    }

    [Fact]
    public void Docx_text_runs_are_joined_and_the_part_is_named()
    {
        var path = _dir.File("letter.docx");
        Zip(path, ("word/document.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + "<w:p><w:r><w:t>고객명 홍길동</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t xml:space=\"preserve\">주민등록번호: 960121-</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>1021413</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>연락처 010-1234-5678</w:t></w:r></w:p></w:body></w:document>"),
            ("word/styles.xml", "<styles>960121-1021413</styles>"));
        var c = Collect.File(path);
        AssertFindsTheThree(c);
        Assert.All(c.Findings, f => Assert.Equal("word/document.xml", f.Location.Entry));
    }

    [Fact]
    public void Xlsx_shared_strings_and_numeric_cells_are_read_but_string_indexes_are_not()
    {
        var path = _dir.File("고객.xlsx");
        Zip(path,
            ("xl/sharedStrings.xml", "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>주민등록번호</t></si><si><t>960121-1021413</t></si></sst>"),
            ("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"><v>1012345678</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>hong@example.com</t></is></c><c r=\"C2\"><f>SUM(1)</f><v>4111111111111111</v></c></row>"
                + "</sheetData></worksheet>"));
        var c = Collect.File(path);
        Assert.Empty(c.Skipped);
        Assert.Equal(
            [("xl/sharedStrings.xml", PiiType.KrRrn), ("xl/worksheets/sheet1.xml", PiiType.Email), ("xl/worksheets/sheet1.xml", PiiType.Card)],
            c.Findings.Select(f => (f.Location.Entry!, f.Type)).OrderBy(x => x.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public void A_zip_bomb_is_rejected_before_it_is_inflated()
    {
        var path = _dir.File("bomb.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            var e = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var s = e.Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 64; i++)
            {
                s.Write(zeros);
            }
        }

        var c = Collect.File(path);
        Assert.Empty(c.Findings);
        var (p, reason) = Assert.Single(c.Skipped);
        Assert.Equal(path, p);
        Assert.Contains("zip bomb", reason, StringComparison.Ordinal);
        Assert.Contains("compression ratio", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_entries_or_too_many_bytes_are_rejected()
    {
        var path = _dir.File("many.xlsx");
        Zip(path, [.. Enumerable.Range(1, 30).Select(i => ($"xl/worksheets/sheet{i}.xml", "<worksheet><c><v>1</v></c></worksheet>"))]);
        Assert.Contains("entries", Collect.File(path, limits: new ArchiveLimits { MaxEntries = 20 }).Skipped.Single().Reason, StringComparison.Ordinal);
        Assert.Contains("uncompressed", Collect.File(path, limits: new ArchiveLimits { MaxTotalUncompressed = 200 }).Skipped.Single().Reason, StringComparison.Ordinal);
        Assert.Empty(Collect.File(path).Skipped);
    }

    [Fact]
    public void A_gzip_bomb_stops_at_the_limit()
    {
        var path = _dir.File("big.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            var spaces = new byte[4 << 20];
            Array.Fill(spaces, (byte)' ');
            gz.Write(spaces);
        }

        var c = Collect.File(path, limits: new ArchiveLimits { MaxGzipUncompressed = 1 << 20 });
        Assert.Contains("zip bomb", Assert.Single(c.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_files_and_other_archives_are_skipped_with_a_reason()
    {
        var bin = _dir.File("a.bin");
        File.WriteAllBytes(bin, [0x7F, (byte)'E', (byte)'L', (byte)'F', 0, 1, 2, 0, 0, 0, 3, 0, 200, 0, 0, 1, 0, 9]);
        Assert.Equal("binary file", Collect.File(bin).Skipped.Single().Reason);
        var zip = _dir.File("a.zip");
        Zip(zip, ("x.txt", "960121-1021413"));
        Assert.StartsWith("zip archive", Collect.File(zip).Skipped.Single().Reason, StringComparison.Ordinal);
        var corrupt = _dir.File("c.docx");
        File.WriteAllBytes(corrupt, [.. "PK\x03\x04"u8, .. new byte[100]]);
        Assert.StartsWith("unreadable", Collect.File(corrupt).Skipped.Single().Reason, StringComparison.Ordinal);
    }

    internal static void Zip(string path, params (string Name, string Content)[] entries)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            using var s = zip.CreateEntry(name).Open();
            s.Write(Encoding.UTF8.GetBytes(content));
        }
    }
}
