using System.Text.Json.Nodes;
using Jikimi.Catalog.Loading;
using Jikimi.Catalog.Model;
using Jikimi.TestSupport;

namespace Jikimi.Catalog.Tests.Fidelity;

/// <summary>Issue 19: 2018 → 2023 entries that rest on an unconfirmed 2018 title carry a confidence flag.</summary>
public sealed class CrosswalkConfidenceTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_entry_from_an_unverified_2018_title_is_flagged_and_only_those()
    {
        var catalog = CriteriaCatalog.Embedded;
        var (cw, _) = catalog.FindCrosswalk(EditionId.IsmsP2018, EditionId.IsmsP2023)!.Value;
        var y2018 = catalog[EditionId.IsmsP2018];
        foreach (var e in cw.Entries.Where(e => e.FromId is not null))
        {
            Assert.Equal(y2018.Find(e.FromId!)!.Confidence == "M" ? "M" : null, e.Confidence);
        }

        Assert.Equal(13, cw.Entries.Count(e => e.Confidence == "M"));
        Assert.Equal("M", cw.ForSource("3.4.3").Single().Confidence); // 휴면 이용자 관리, deleted
        Assert.Null(cw.ForSource("3.2.3").Single().Confidence);       // 표시제한, title from a secondary source
    }

    [Fact]
    public void Dropping_the_flag_is_a_problem()
    {
        var root = _temp.CopyTree(RepoPaths.Catalogs, "catalogs");
        var path = Path.Combine(root, "crosswalks", "isms-p-2018_isms-p-2023.json");
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        node["entries"]!.AsArray().Single(e => (string?)e!["from"] == "3.4.3")!.AsObject().Remove("confidence");
        File.WriteAllText(path, node.ToJsonString());

        var result = CatalogLoader.Load(new DirectoryCatalogFiles(root));
        Assert.Contains(result.Problems, p => p.Id == "3.4.3" && p.Message.Contains("confidence", StringComparison.Ordinal));
    }
}
