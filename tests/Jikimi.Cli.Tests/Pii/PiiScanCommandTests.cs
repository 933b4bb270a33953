using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Jikimi.TestSupport;

namespace Jikimi.Cli.Tests.Pii;

public sealed class PiiScanCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly TempDir _dir = new();

    public PiiScanCommandTests()
    {
        Directory.CreateDirectory(_dir.File("docs"));
        File.WriteAllText(_dir.File("docs/customers.csv"), "이름,주민등록번호,연락처\n홍길동,960121-1021413,010-1234-5678\n김철수,050912-2000019,hong@example.com\n");
        File.WriteAllText(_dir.File("notes.txt"), "주문번호 20231105-000123 처리 완료\nSKU S12345678\n");
    }

    public void Dispose()
    {
        _cli.Dispose();
        _dir.Dispose();
    }

    private JsonElement Json(params string[] args)
    {
        var r = _cli.Run(["pii", "scan", .. args, "--format", "json"]);
        Assert.True(r.ExitCode == 0, r.Err);
        return JsonDocument.Parse(r.Out).RootElement;
    }

    [Fact]
    public void Json_findings_carry_the_documented_fields()
    {
        var j = Json(_dir.Path);
        var findings = j.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(4, findings.Count);
        var rrn = findings.Single(f => f.GetProperty("masked").GetString() == "960121-1******");
        Assert.Equal("KR_RRN", rrn.GetProperty("type").GetString());
        Assert.Equal("high", rrn.GetProperty("confidence").GetString());
        Assert.Equal(_dir.File("docs/customers.csv"), rrn.GetProperty("path").GetString());
        Assert.Equal(2, rrn.GetProperty("line").GetInt32());
        Assert.Equal(5, rrn.GetProperty("column").GetInt32());
        Assert.Equal(Encoding.UTF8.GetByteCount("이름,주민등록번호,연락처\n홍길동,"), rrn.GetProperty("offset").GetInt64());
        Assert.Matches("^[0-9a-f]{32}$", rrn.GetProperty("fingerprint").GetString());
        Assert.Equal("random-per-run", j.GetProperty("fingerprintKey").GetString());
        Assert.Equal(2, j.GetProperty("summary").GetProperty("files").GetInt32());
        Assert.Equal(["EMAIL", "KR_RRN", "PHONE"], j.GetProperty("summary").GetProperty("byType").EnumerateArray().Select(t => t.GetProperty("type").GetString()).Order());
    }

    [Fact]
    public void Min_confidence_low_adds_the_weak_candidates()
    {
        var low = Json(_dir.Path, "--min-confidence", "low").GetProperty("findings").EnumerateArray();
        Assert.Contains(low, f => f.GetProperty("type").GetString() == "KR_PASSPORT" && f.GetProperty("confidence").GetString() == "low");
    }

    [Fact]
    public void A_key_file_makes_fingerprints_stable_across_runs()
    {
        File.WriteAllText(_dir.File("key"), "a secret of more than sixteen bytes\n");
        string Fp() => Json(_dir.File("docs"), "--key-file", _dir.File("key")).GetProperty("findings")[0].GetProperty("fingerprint").GetString()!;
        Assert.Equal(Fp(), Fp());
        File.WriteAllText(_dir.File("short"), "short");
        Assert.Equal(2, _cli.Run("pii", "scan", _dir.Path, "--key-file", _dir.File("short")).ExitCode);
    }

    [Fact]
    public void Sarif_has_the_2_1_0_shape_with_rules_levels_and_regions()
    {
        var r = _cli.Run("pii", "scan", _dir.File("docs"), "--format", "sarif");
        Assert.Equal(0, r.ExitCode);
        var s = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal("2.1.0", s.GetProperty("version").GetString());
        var run = s.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(x => x.GetProperty("id").GetString()).ToList();
        Assert.Equal(["KR_RRN", "KR_FRN", "KR_PASSPORT", "KR_DRIVER_LICENSE", "KR_BRN", "CARD", "BANK_ACCOUNT", "PHONE", "EMAIL", "KR_CRN"], rules);
        var result = run.GetProperty("results").EnumerateArray().First(x => x.GetProperty("ruleId").GetString() == "KR_RRN");
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Contains("960121-1******", result.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        var loc = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("docs/customers.csv", loc.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, loc.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(5, loc.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.True(loc.GetProperty("region").GetProperty("byteOffset").GetInt64() > 0);
        Assert.Matches("^[0-9a-f]{32}$", result.GetProperty("partialFingerprints").GetProperty("jikimiPii/v1").GetString());
    }

    [Fact]
    public void Csv_has_a_header_and_a_row_per_finding()
    {
        var r = _cli.Run("pii", "scan", _dir.File("docs"), "--format", "csv");
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("type,confidence,path,entry,table,field,rowKey,line,column,offset,masked,fingerprint", lines[0]);
        Assert.Equal(5, lines.Length);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("high", 1)]
    [InlineData("medium", 1)]
    public void Fail_on_exits_1_when_a_finding_at_that_level_exists(string? level, int code)
    {
        string[] args = level is null ? ["pii", "scan", _dir.Path] : ["pii", "scan", _dir.Path, "--fail-on", level];
        var r = _cli.Run(args);
        Assert.Equal(code, r.ExitCode);
    }

    [Fact]
    public void Fail_on_sees_findings_below_the_report_level()
    {
        var r = _cli.Run("pii", "scan", _dir.File("notes.txt"), "--fail-on", "low", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(0, JsonDocument.Parse(r.Out).RootElement.GetProperty("findings").GetArrayLength());
        Assert.Equal(0, _cli.Run("pii", "scan", _dir.File("notes.txt"), "--fail-on", "medium").ExitCode);
    }

    [Fact]
    public void Include_exclude_and_size_limits_choose_the_files()
    {
        Assert.Equal(1, Json(_dir.Path, "--include", "**/*.csv").GetProperty("summary").GetProperty("files").GetInt32());
        Assert.Equal(1, Json(_dir.Path, "--exclude", "docs/**").GetProperty("summary").GetProperty("files").GetInt32());
        var skipped = Json(_dir.Path, "--max-file-size", "60B").GetProperty("skipped").EnumerateArray().ToList();
        Assert.Contains(skipped, s => s.GetProperty("reason").GetString()!.Contains("size limit", StringComparison.Ordinal));
    }

    [Fact]
    public void The_table_summarises_by_type_and_place()
    {
        var r = _cli.Run("pii", "scan", _dir.Path, "--lang", "en");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("By type", r.Out, StringComparison.Ordinal);
        Assert.Contains("KR_RRN", r.Out, StringComparison.Ordinal);
        Assert.Contains("customers.csv", r.Out, StringComparison.Ordinal);
        Assert.Contains("random per-run key", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pii", "scan")]
    [InlineData("pii", "scan", ".", "--format", "xml")]
    [InlineData("pii", "scan", ".", "--min-confidence", "certain")]
    [InlineData("pii", "scan", ".", "--max-file-size", "huge")]
    [InlineData("pii", "scan", ".", "--threads", "0")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var r = _cli.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_tables_are_scanned_from_the_command_line()
    {
        var db = _dir.File("app.db");
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE users (id INTEGER PRIMARY KEY, phone TEXT); INSERT INTO users VALUES (42, '010-9876-5432');";
            cmd.ExecuteNonQuery();
        }

        var f = Json("--sqlite", db).GetProperty("findings")[0];
        Assert.Equal(("users", "phone", "42"), (f.GetProperty("table").GetString(), f.GetProperty("field").GetString(), f.GetProperty("rowKey").GetString()));
    }

    [Fact]
    public void Pdfs_are_read_with_pdftotext()
    {
        Assert.NotNull(Jikimi.Cli.Pii.PdfToText.FindOnPath("pdftotext")); // scripts/test.sh installs poppler-utils
        var pdf = _dir.File("letter.pdf");
        File.WriteAllBytes(pdf, MinimalPdf("Contact 010-2222-3333"));
        var f = Json(pdf).GetProperty("findings")[0];
        Assert.Equal("010-****-3333", f.GetProperty("masked").GetString());
    }

    [Fact]
    public void Without_pdftotext_pdfs_are_skipped_with_the_reason()
    {
        var pdf = _dir.File("letter.pdf");
        File.WriteAllBytes(pdf, MinimalPdf("Contact 010-2222-3333"));
        var engine = new Jikimi.Privacy.Scanning.ScanEngine(new() { Extractor = Jikimi.Cli.Pii.PdfToText.Unavailable() }, Jikimi.Privacy.Fingerprinter.WithRandomKey());
        var report = new Jikimi.Privacy.Scanning.ScanReport(Jikimi.Privacy.Confidence.Medium);
        engine.ScanFile(pdf, report);
        Assert.Equal(0, report.Total);
        Assert.Contains("pdftotext not installed", Assert.Single(report.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Gz_is_scanned()
    {
        using (var gz = new GZipStream(File.Create(_dir.File("app.log.gz")), CompressionLevel.Fastest))
        {
            gz.Write("user=kim@example.org\n"u8);
        }

        var types = Json(_dir.File("app.log.gz")).GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("type").GetString());
        Assert.Equal(["EMAIL"], types);
    }

    /// <summary>A one-page PDF with one line of Helvetica text (offsets computed, so pdftotext accepts it).</summary>
    internal static byte[] MinimalPdf(string text)
    {
        var content = $"BT /F1 12 Tf 72 720 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(sb.Length);
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = sb.Length;
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{o:0000000000} 00000 n \n");
        }

        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
