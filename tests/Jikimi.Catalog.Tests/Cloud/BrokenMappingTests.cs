using System.Text.Json.Nodes;
using Jikimi.Catalog.Loading;
using Jikimi.TestSupport;

namespace Jikimi.Catalog.Tests.Cloud;

/// <summary>A crosswalk or split file with an unknown id or relation is refused, naming the file, the pair and the problem.</summary>
public sealed class BrokenMappingTests : IDisposable
{
    private const string IsoMapping = "mappings/iso27001-2022_isms-p-2023.json";
    private const string Split = "cloud/responsibility-isms-p-2023.json";
    private readonly TempDir _temp = new();
    private readonly string _root;

    public BrokenMappingTests() => _root = _temp.CopyTree(RepoPaths.Catalogs, "catalogs");

    public void Dispose() => _temp.Dispose();

    private void Edit(string file, Action<JsonNode> change)
    {
        var path = Path.Combine(_root, file);
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        change(node);
        File.WriteAllText(path, node.ToJsonString());
    }

    private static JsonNode Pair(JsonNode file, string source, string target) =>
        file["pairs"]!.AsArray().Single(p => (string?)p!["source"] == source && (string?)p["target"] == target)!;

    private IReadOnlyList<CatalogProblem> Problems()
    {
        var result = CatalogLoader.Load(new DirectoryCatalogFiles(_root));
        Assert.Null(result.Catalog);
        return result.Problems;
    }

    [Fact]
    public void Unknown_isms_p_target_is_named()
    {
        Edit(IsoMapping, f => Pair(f, "5.3", "2.2.2")["target"] = "2.2.9");
        Assert.Contains(Problems(), p => p.File == IsoMapping && p.Id == "5.3 → 2.2.9" && p.Message == "target '2.2.9' is not a control of isms-p-2023");
    }

    [Fact]
    public void Unknown_iso_source_is_named()
    {
        Edit(IsoMapping, f => Pair(f, "5.3", "2.2.2")["source"] = "5.38");
        var problems = Problems();
        Assert.Contains(problems, p => p.Id == "5.38 → 2.2.2" && p.Message == "source '5.38' is not a control of iso27001-2022");
        Assert.Contains(problems, p => p.Id == "5.3" && p.Message.Contains("not mapped", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_relation_is_named()
    {
        Edit(IsoMapping, f => Pair(f, "5.3", "2.2.2")["relation"] = "related");
        Assert.Contains(Problems(), p => p.Id == "5.3 → 2.2.2" && p.Message == "relation 'related' must be equal, subset, superset or intersects");
    }

    [Fact]
    public void Missing_rationale_language_is_named()
    {
        Edit(IsoMapping, f => Pair(f, "5.3", "2.2.2")["rationale"]!["ko"] = "");
        Assert.Contains(Problems(), p => p.Id == "5.3 → 2.2.2" && p.Message.Contains("Korean", StringComparison.Ordinal));
    }

    [Fact]
    public void Split_with_unknown_party_or_missing_control_is_named()
    {
        Edit(Split, f =>
        {
            var controls = f["controls"]!.AsArray();
            controls.Single(c => (string?)c!["id"] == "2.4.1")!["saas"] = "vendor";
            controls.Remove(controls.Single(c => (string?)c!["id"] == "3.5.3"));
        });
        var problems = Problems();
        Assert.Contains(problems, p => p.File == Split && p.Id == "2.4.1" && p.Message == "'saas' is 'vendor'; it must be provider, shared or customer");
        Assert.Contains(problems, p => p.Id == "3.5.3" && p.Message == "isms-p-2023 control has 0 splits (expected one)");
    }

    [Fact]
    public void Split_check_item_of_another_control_is_named()
    {
        Edit(Split, f => f["controls"]!.AsArray().Single(c => (string?)c!["id"] == "2.10.7")!["checkItems"]![0]!["id"] = "2.10.8-1");
        Assert.Contains(Problems(), p => p.Id == "2.10.8-1" && p.Message == "'2.10.8-1' is not a check item of 2.10.7");
    }
}
