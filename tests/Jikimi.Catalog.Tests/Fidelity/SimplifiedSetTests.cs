using System.Text.Json.Nodes;
using Jikimi.Catalog.Loading;
using Jikimi.Catalog.Model;
using Jikimi.TestSupport;

namespace Jikimi.Catalog.Tests.Fidelity;

/// <summary>Issue 19 item 6: the simplified sets carry check items, name every 별표 7 source and use our own English titles.</summary>
public sealed class SimplifiedSetTests : IDisposable
{
    private readonly TempDir _temp = new();
    private static CriteriaCatalog Catalog => CriteriaCatalog.Embedded;

    public void Dispose() => _temp.Dispose();

    // The six items whose 주요 확인사항 come from two 별표 7 controls (annex 7의2 / 7의3 read item by item).
    [Theory]
    [InlineData("simplified-7-2", "2.3.1", "2.4.1", "2.4.2")]
    [InlineData("simplified-7-2", "2.3.3", "2.4.5", "2.4.6")]
    [InlineData("simplified-7-2", "2.5.1", "2.6.1", "2.6.5")]
    [InlineData("simplified-7-2", "2.6.1", "2.7.1", "2.7.2")]
    [InlineData("simplified-7-2", "2.8.3", "2.9.4", "2.9.5")]
    [InlineData("simplified-7-3", "2.7.1", "2.7.1", "2.7.2")]
    public void Items_drawn_from_two_controls_map_to_both(string edition, string id, string first, string second)
    {
        var c = Catalog[new EditionId(edition)].Find(id)!;
        Assert.Equal([first, second], c.MapsTo);
        Assert.Contains(c.CheckItems, i => i.BasedOn!.StartsWith(second + "-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("simplified-7-2", 232)]
    [InlineData("simplified-7-3", 222)]
    public void Every_simplified_control_carries_its_check_items_with_a_2023_source(string edition, int total)
    {
        var main = Catalog[EditionId.IsmsP2023];
        var e = Catalog[new EditionId(edition)];
        Assert.Equal(total, e.Controls.Sum(c => c.CheckItems.Count));
        foreach (var c in e.Controls)
        {
            Assert.NotEmpty(c.CheckItems);
            Assert.Equal(c.CheckItemCount, c.CheckItems.Count);
            foreach (var i in c.CheckItems)
            {
                Assert.True(i.Text.IsComplete, i.Id);
                var source = i.BasedOn!;
                var control = main.Find(source[..source.LastIndexOf('-')]);
                Assert.Contains(control!.CheckItems, x => x.Id == source);
                Assert.Contains(control.Id, c.MapsTo);
            }
        }
    }

    [Fact]
    public void English_titles_are_ours_the_2023_name_where_the_korean_name_is_the_same()
    {
        var byKo = Catalog[EditionId.IsmsP2023].Controls.ToDictionary(c => c.Title.Ko.Replace(" ", string.Empty, StringComparison.Ordinal));
        foreach (var id in new[] { EditionId.Simplified72, EditionId.Simplified73 })
        {
            foreach (var c in Catalog[id].Controls)
            {
                Assert.True(byKo.TryGetValue(c.Title.Ko.Replace(" ", string.Empty, StringComparison.Ordinal), out var same), $"{c.Ref} has no 2023 namesake");
                Assert.Equal(same!.Title.En, c.Title.En);
            }
        }

        // Titles that only a CC BY translation used before.
        Assert.Equal("Executive Participation", Catalog.Find(new ControlRef(EditionId.Simplified72, "1.1.1"))!.Title.En);
        Assert.Equal("Designation of Protected Zones", Catalog.Find(new ControlRef(EditionId.Simplified72, "2.3.1"))!.Title.En);
    }

    [Fact]
    public void Title_of_7_2_item_1_1_2_keeps_the_annex_spacing()
    {
        // 별표 7의2 writes "최고 책임자의 지정" (with a space); 별표 7 and 7의3 write "최고책임자의 지정".
        Assert.Equal("최고 책임자의 지정", Catalog.Find(new ControlRef(EditionId.Simplified72, "1.1.2"))!.Title.Ko);
        Assert.Equal("최고책임자의 지정", Catalog.Find(new ControlRef(EditionId.Simplified73, "1.1.2"))!.Title.Ko);
    }

    [Fact]
    public void A_mapsTo_that_names_only_one_of_two_sources_is_a_problem()
    {
        var root = _temp.CopyTree(RepoPaths.Catalogs, "catalogs");
        var path = Path.Combine(root, "simplified-7-2", "controls.json");
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        var c = node["controls"]!.AsArray().Single(x => (string?)x!["id"] == "2.3.1")!;
        c["mapsTo"] = new JsonArray("2.4.1");
        File.WriteAllText(path, node.ToJsonString());

        var result = CatalogLoader.Load(new DirectoryCatalogFiles(root));
        Assert.Null(result.Catalog);
        Assert.Contains(result.Problems, p => p.Id == "2.3.1-3" && p.Message.Contains("2.4.2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mapsTo_target_without_a_check_item_is_a_problem()
    {
        var root = _temp.CopyTree(RepoPaths.Catalogs, "catalogs");
        var path = Path.Combine(root, "simplified-7-3", "controls.json");
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        var c = node["controls"]!.AsArray().Single(x => (string?)x!["id"] == "2.4.1")!;
        c["mapsTo"] = new JsonArray("2.4.1", "2.4.2");
        File.WriteAllText(path, node.ToJsonString());

        var result = CatalogLoader.Load(new DirectoryCatalogFiles(root));
        Assert.Contains(result.Problems, p => p.Id == "2.4.1" && p.Message.Contains("no check item is based on it", StringComparison.Ordinal));
    }
}
