using System.Text.Json;
using Jikimi.TestSupport;

namespace Jikimi.Cli.Tests.Catalog;

public sealed class CatalogCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private JsonElement Json(params string[] args)
    {
        var r = _cli.Run(args);
        Assert.True(r.ExitCode == 0, r.Err);
        return JsonDocument.Parse(r.Out).RootElement;
    }

    [Theory]
    [InlineData("2023", null, 101, 328)]
    [InlineData("2023", "isms", 80, 237)]
    [InlineData("2023", "isms-p", 101, 328)]
    [InlineData("2018", null, 102, 0)]
    [InlineData("7-2", null, 62, 232)]
    [InlineData("7-3", null, 65, 222)]
    public void List_json_has_the_official_counts(string edition, string? scope, int controls, int checkItems)
    {
        string[] args = scope is null
            ? ["catalog", "list", "--edition", edition, "--format", "json"]
            : ["catalog", "list", "--edition", edition, "--scope", scope, "--format", "json"];
        var list = Json(args);
        Assert.Equal(controls, list.GetArrayLength());
        Assert.Equal(checkItems, list.EnumerateArray().Sum(c => c.GetProperty("checkItemCount").GetInt32()));
        if (edition == "2023")
        {
            Assert.Equal(checkItems, list.EnumerateArray().Sum(c => c.GetProperty("checkItems").GetArrayLength()));
        }
    }

    [Fact]
    public void List_json_has_the_documented_fields()
    {
        var first = Json("catalog", "list", "--format", "json")[0];
        Assert.Equal("1.1.1", first.GetProperty("id").GetString());
        Assert.Equal("1", first.GetProperty("domain").GetString());
        Assert.Equal("1.1", first.GetProperty("subdomain").GetString());
        Assert.Equal("경영진의 참여", first.GetProperty("titleKo").GetString());
        Assert.Equal("Executive Participation", first.GetProperty("titleEn").GetString());
        Assert.Equal("isms", first.GetProperty("appliesTo").GetString());
        var item = first.GetProperty("checkItems")[0];
        Assert.Equal("1.1.1-1", item.GetProperty("id").GetString());
        Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("textKo").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("textEn").GetString()));
    }

    [Fact]
    public void List_table_prints_korean_by_default_and_english_on_request()
    {
        var ko = _cli.Run("catalog", "list", "--scope", "isms");
        Assert.Equal(0, ko.ExitCode);
        Assert.Contains("비밀번호 관리", ko.Out, StringComparison.Ordinal);
        Assert.Contains("통제항목 80개, 주요 확인사항 237개", ko.Out, StringComparison.Ordinal);
        var en = _cli.Run("catalog", "list", "--lang", "en", "--edition", "7-2");
        Assert.Contains("62 controls, 232 check items", en.Out, StringComparison.Ordinal);
        Assert.Contains("Security Pledge", en.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void List_csv_has_a_header_and_a_row_per_control()
    {
        var r = _cli.Run("catalog", "list", "--format", "csv", "--edition", "7-3");
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("edition,id,domain,subdomain,titleKo,titleEn,appliesTo,checkItemCount,mapsTo", lines[0].TrimEnd('\r'));
        Assert.Equal(66, lines.Length);
    }

    [Fact]
    public void Show_prints_criterion_check_items_laws_and_crosswalk()
    {
        var r = _cli.Run("catalog", "show", "3.2.3");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("이용자 단말기 접근 보호", r.Out, StringComparison.Ordinal);
        Assert.Contains("3.2.3-1", r.Out, StringComparison.Ordinal);
        Assert.Contains("2018", r.Out, StringComparison.Ordinal);
        Assert.Contains("3.2.4", r.Out, StringComparison.Ordinal); // its 2018 number
        var pw = _cli.Run("catalog", "show", "2.5.4", "--lang", "en");
        Assert.Contains("Related laws", pw.Out, StringComparison.Ordinal);
        Assert.Contains("Personal Information Protection Act Art. 29", pw.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_in_a_simplified_set_uses_that_sets_numbering()
    {
        var j = Json("catalog", "show", "2.1.1", "--edition", "7-2", "--format", "json");
        Assert.Equal("보안 서약", j.GetProperty("titleKo").GetString());
        Assert.Equal("simplified-7-2", j.GetProperty("edition").GetString());
        Assert.Equal("2.2.3", j.GetProperty("mapsTo")[0].GetString());
    }

    [Theory]
    [InlineData("2.5.9", "2.5.1")]
    [InlineData("9.9", null)]
    public void Unknown_id_exits_2_with_nearest_ids(string id, string? suggestion)
    {
        var r = _cli.Run("catalog", "show", id);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"'{id}' is not a control of 2023", r.Err, StringComparison.Ordinal);
        if (suggestion is not null)
        {
            Assert.Contains("Did you mean", r.Err, StringComparison.Ordinal);
            Assert.Contains(suggestion, r.Err, StringComparison.Ordinal);
        }

        Assert.Equal(string.Empty, r.Out);
    }

    [Theory]
    [InlineData("catalog", "list", "--edition", "2020")]
    [InlineData("catalog", "list", "--format", "xml")]
    [InlineData("catalog", "nope")]
    [InlineData("catalog", "show")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var r = _cli.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error:", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_2018_2023_summarises_every_kind()
    {
        var j = Json("catalog", "diff", "2018", "2023", "--format", "json");
        var summary = j.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("deleted").GetInt32());
        Assert.Equal(1, summary.GetProperty("new").GetInt32());
        Assert.Equal(102, summary.EnumerateObject().Where(p => p.Name != "new").Sum(p => p.Value.GetInt32()));
        var entries = j.GetProperty("entries").EnumerateArray().ToList();
        Assert.DoesNotContain(entries, e => e.GetProperty("kind").GetString() == "same");
        Assert.Contains(entries, e => e.TryGetProperty("from", out var f) && f.GetString() == "3.4.3" && e.GetProperty("kind").GetString() == "deleted");
    }

    [Fact]
    public void Diff_table_and_reverse_direction_work()
    {
        var r = _cli.Run("catalog", "diff", "2023", "2018", "--lang", "en");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("deleted", r.Out, StringComparison.Ordinal);
        Assert.Contains("Processing of Pseudonymized Information", r.Out, StringComparison.Ordinal);
        Assert.Equal(2, _cli.Run("catalog", "diff", "2018", "7-2").ExitCode);
    }

    [Theory]
    [InlineData("접속기록", "2.9.4")]
    [InlineData("access record", "2.9.4")]
    [InlineData("cloud", "2.10.2")]
    public void Search_finds_korean_and_english_words(string words, string expected)
    {
        var hits = Json(["catalog", "search", .. words.Split(' '), "--format", "json"]);
        Assert.Contains(hits.EnumerateArray(), h => h.GetProperty("id").GetString() == expected);
    }

    [Fact]
    public void Search_across_all_editions_labels_the_edition()
    {
        var hits = Json("catalog", "search", "보안", "서약", "--edition", "all", "--format", "json").EnumerateArray().ToList();
        Assert.Contains(hits, h => h.GetProperty("edition").GetString() == "simplified-7-2" && h.GetProperty("id").GetString() == "2.1.1");
        Assert.Contains(hits, h => h.GetProperty("edition").GetString() == "isms-p-2023" && h.GetProperty("id").GetString() == "2.2.3");
    }

    [Fact]
    public void Import_prowler_overlays_official_wording_shown_by_show()
    {
        var file = RepoPaths.TestData("prowler", "prowler_kisa_isms_p_2023_korean_aws.json");
        var r = _cli.Run("catalog", "import-prowler", file);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("'2.4.5 ' → 2.4.5", r.Out, StringComparison.Ordinal);
        Assert.Contains("101", r.Out, StringComparison.Ordinal);

        var show = _cli.Run("catalog", "show", "2.5.4");
        Assert.Contains("공식 문구", show.Out, StringComparison.Ordinal);
        Assert.Contains("iam_password_policy", show.Out, StringComparison.Ordinal);
        var json = Json("catalog", "show", "2.5.4", "--format", "json");
        Assert.Equal("ko", json.GetProperty("official")[0].GetProperty("language").GetString());
        var plain = _cli.Run("catalog", "show", "2.5.4", "--no-official");
        Assert.DoesNotContain("iam_password_policy", plain.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejected_import_changes_nothing()
    {
        var good = RepoPaths.TestData("prowler", "prowler_kisa_isms_p_2023_korean_aws.json");
        Assert.Equal(0, _cli.Run("catalog", "import-prowler", good).ExitCode);
        var overlay = Directory.GetFiles(Path.Combine(_cli.DataDir, "catalog-overlays")).Single();
        var before = File.ReadAllBytes(overlay);

        using var temp = new TempDir();
        var bad = temp.File("truncated.json");
        File.WriteAllBytes(bad, File.ReadAllBytes(good)[..5000]);
        var r = _cli.Run("catalog", "import-prowler", bad, "--lang", "en");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("not valid JSON", r.Err, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", r.Err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(overlay));

        var strict = _cli.Run("catalog", "import-prowler", good, "--strict", "--lang", "en");
        Assert.Equal(1, strict.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(overlay));
        Assert.Single(Directory.GetFiles(Path.Combine(_cli.DataDir, "catalog-overlays")));
    }

    [Fact]
    public void Import_of_a_missing_file_fails_cleanly()
    {
        var r = _cli.Run("catalog", "import-prowler", "/nonexistent/x.json", "--lang", "en");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no such file", r.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_cli.DataDir, "catalog-overlays")));
    }

    [Fact]
    public void Browse_without_a_terminal_prints_the_list()
    {
        var r = _cli.Run("catalog", "browse", "--lang", "en");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("101 controls", r.Out, StringComparison.Ordinal);
        Assert.Contains("Not an interactive terminal", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_is_in_english_and_exits_0()
    {
        var r = _cli.Run("catalog", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("import-prowler", r.Out, StringComparison.Ordinal);
        Assert.Contains("Browse the ISMS-P criteria catalogs", r.Out, StringComparison.Ordinal);
    }
}
