using System.Text.Json;

namespace Jikimi.Cli.Tests.Catalog;

/// <summary>Issue 19: `catalog list/show` for the legacy K-ISMS edition, and the simplified sets' check items.</summary>
public sealed class LegacyCatalogCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private JsonElement Json(params string[] args)
    {
        var r = _cli.Run(args);
        Assert.True(r.ExitCode == 0, r.Err);
        return JsonDocument.Parse(r.Out).RootElement;
    }

    [Fact]
    public void List_k_isms_has_104_items_each_with_its_source()
    {
        var list = Json("catalog", "list", "--edition", "k-isms", "--format", "json");
        Assert.Equal(104, list.GetArrayLength());
        Assert.Equal(12, list.EnumerateArray().Count(c => c.GetProperty("domain").GetString() == "M"));
        Assert.All(list.EnumerateArray(), c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("source").GetString())));
        Assert.Equal(90, list.EnumerateArray().Count(c => c.TryGetProperty("confidence", out var v) && v.GetString() == "M"));
    }

    [Fact]
    public void Show_a_k_isms_item_prints_its_title_source_and_confidence()
    {
        var r = _cli.Run("catalog", "show", "6.1.3", "--edition", "k-isms", "--lang", "en");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("비밀유지 서약서", r.Out, StringComparison.Ordinal);
        Assert.Contains("M (unverified)", r.Out, StringComparison.Ordinal);
        Assert.Contains("Sources checked", r.Out, StringComparison.Ordinal);
        var j = Json("catalog", "show", "1.1", "--edition", "k-isms", "--format", "json");
        Assert.Equal("k-isms-2013", j.GetProperty("edition").GetString());
        Assert.Equal("정보보호정책의 수립", j.GetProperty("titleKo").GetString());
    }

    [Fact]
    public void Simplified_items_list_their_check_items_with_the_2023_source()
    {
        var j = Json("catalog", "show", "2.3.1", "--edition", "7-2", "--format", "json");
        var items = j.GetProperty("checkItems");
        Assert.Equal(4, items.GetArrayLength());
        Assert.Equal("2.4.2-1", items[2].GetProperty("basedOn").GetString());
        Assert.Equal(["2.4.1", "2.4.2"], j.GetProperty("mapsTo").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public void Diff_k_isms_2023_types_each_relation_and_flags_unconfirmed_titles()
    {
        var j = Json("catalog", "diff", "k-isms", "2023", "--format", "json");
        Assert.Equal("k-isms-2013", j.GetProperty("from").GetString());
        var summary = j.GetProperty("summary");
        Assert.Equal(104, new[] { "equal", "subset", "superset", "intersects" }.Sum(k => summary.TryGetProperty(k, out var n) ? n.GetInt32() : 0));
        var row = j.GetProperty("entries").EnumerateArray().Single(e => e.TryGetProperty("from", out var f) && f.GetString() == "6.1.3");
        Assert.Equal("equal", row.GetProperty("kind").GetString());
        Assert.Equal("2.2.3", row.GetProperty("to")[0].GetString());
        Assert.Equal("M", row.GetProperty("confidence").GetString());

        var text = _cli.Run("catalog", "diff", "k-isms", "2023", "--lang", "en");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("[title unconfirmed]", text.Out, StringComparison.Ordinal);
        Assert.Contains("superset", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_k_isms_2018_is_the_missing_leg_with_every_entry_flagged()
    {
        var j = Json("catalog", "diff", "k-isms", "2018", "--format", "json");
        Assert.Equal("k-isms-2013", j.GetProperty("from").GetString());
        Assert.Equal("isms-p-2018", j.GetProperty("to").GetString());
        var summary = j.GetProperty("summary");
        Assert.Equal(104, new[] { "equal", "subset", "superset", "intersects" }.Sum(k => summary.TryGetProperty(k, out var n) ? n.GetInt32() : 0));
        var row = j.GetProperty("entries").EnumerateArray().Single(e => e.TryGetProperty("from", out var f) && f.GetString() == "7.1.1");
        Assert.Equal("equal", row.GetProperty("kind").GetString());
        Assert.Equal("2.4.1", row.GetProperty("to")[0].GetString());
        Assert.Equal("S", row.GetProperty("confidence").GetString()); // the 2018 title rests on a secondary source

        var show = _cli.Run("catalog", "show", "11.5.2", "--edition", "k-isms", "--lang", "ko");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("보안 패치", show.Out, StringComparison.Ordinal); // its own summary
    }

    [Fact]
    public void List_k_pims_gives_the_count_per_edition_with_sources_and_show_says_why_there_are_no_items()
    {
        var j = Json("catalog", "list", "--edition", "k-pims", "--format", "json");
        Assert.False(j.GetProperty("itemsEncoded").GetBoolean());
        var editions = j.GetProperty("editions").EnumerateArray().ToList();
        Assert.Equal([86, 82], editions.Select(e => e.GetProperty("itemCount").GetInt32()));
        Assert.Equal(["S", "M"], editions.Select(e => e.GetProperty("confidence").GetString()));
        Assert.Equal("2016-01-01", editions[0].GetProperty("effectiveFrom").GetString());

        var text = _cli.Run("catalog", "list", "--edition", "k-pims", "--lang", "en");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Sources tried", text.Out, StringComparison.Ordinal);
        Assert.Contains("[unconfirmed]", text.Out, StringComparison.Ordinal);

        var show = _cli.Run("catalog", "show", "1.1", "--edition", "k-pims");
        Assert.NotEqual(0, show.ExitCode);
        Assert.Contains("catalog list --edition k-pims", show.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", show.Err, StringComparison.Ordinal);
    }
}
