using System.Text.Json.Nodes;
using Jikimi.Catalog.Loading;
using Jikimi.TestSupport;

namespace Jikimi.Catalog.Tests.Loading;

/// <summary>A broken file must fail with a message naming the file, the id and the problem.</summary>
public sealed class BrokenCatalogTests : IDisposable
{
    private readonly TempDir _temp = new();
    private readonly string _root;

    public BrokenCatalogTests() => _root = _temp.CopyTree(RepoPaths.Catalogs, "catalogs");

    public void Dispose() => _temp.Dispose();

    private void Edit(string file, Action<JsonNode> change)
    {
        var path = Path.Combine(_root, file);
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        change(node);
        File.WriteAllText(path, node.ToJsonString());
    }

    private static JsonNode Control(JsonNode file, string id) =>
        file["controls"]!.AsArray().Single(c => (string?)c!["id"] == id)!;

    private IReadOnlyList<CatalogProblem> Problems()
    {
        var result = CatalogLoader.Load(new DirectoryCatalogFiles(_root));
        Assert.Null(result.Catalog);
        Assert.NotEmpty(result.Problems);
        return result.Problems;
    }

    [Fact]
    public void Unchanged_copy_is_valid()
    {
        var result = CatalogLoader.Load(new DirectoryCatalogFiles(_root));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Duplicate_control_id_is_named()
    {
        Edit("isms-p-2023/controls/1.1.json", f => Control(f, "1.1.2")["id"] = "1.1.1");
        var problems = Problems();
        Assert.Contains(problems, p => p.Id == "1.1.1" && p.Message.Contains("appears 2 times", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_check_item_breaks_the_subdomain_count()
    {
        Edit("isms-p-2023/controls/2.5.json", f => Control(f, "2.5.4")["checkItems"]!.AsArray().RemoveAt(2));
        Assert.Contains(Problems(), p => p.File == "isms-p-2023/edition.json" && p.Id == "2.5" && p.Message == "sub-domain has 14 check items, expected 15");
    }

    [Fact]
    public void Missing_english_text_is_named_with_file_and_id()
    {
        Edit("isms-p-2023/controls/2.5.json", f => Control(f, "2.5.4")["criterion"]!["en"] = " ");
        var problems = Problems();
        Assert.Equal("isms-p-2023/controls/2.5.json: 2.5.4: 'criterion' has no English text (en)", problems[0].ToString());
        Assert.All(problems.Skip(1), p => Assert.StartsWith("not checked", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Misnumbered_check_item_is_named()
    {
        Edit("isms-p-2023/controls/3.1.json", f => Control(f, "3.1.3")["checkItems"]![1]!["id"] = "3.1.3-7");
        Assert.Contains(Problems(), p => p.Id == "3.1.3-7" && p.Message.Contains("must be 3.1.3-2", StringComparison.Ordinal));
    }

    [Fact]
    public void Crosswalk_target_that_does_not_exist_is_named()
    {
        Edit("crosswalks/isms-p-2018_isms-p-2023.json", f =>
            f["entries"]!.AsArray().Single(e => (string?)e!["from"] == "3.2.4")!["to"] = new JsonArray("3.2.9"));
        var problems = Problems();
        Assert.Contains(problems, p => p.File == "crosswalks/isms-p-2018_isms-p-2023.json" && p.Id == "3.2.4" && p.Message == "target '3.2.9' is not a control of isms-p-2023");
        Assert.Contains(problems, p => p.Id == "3.2.3" && p.Message.Contains("not reached", StringComparison.Ordinal));
    }

    [Fact]
    public void Simplified_mapping_to_unknown_control_is_named()
    {
        Edit("simplified-7-2/controls.json", f => Control(f, "2.1.1")["mapsTo"] = new JsonArray("2.2.9"));
        Assert.Contains(Problems(), p => p.File == "simplified-7-2/controls.json" && p.Id == "2.1.1" && p.Message.Contains("'2.2.9'", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_law_code_is_named()
    {
        Edit("isms-p-2023/controls/1.1.json", f => Control(f, "1.1.2")["laws"]!.AsArray().Add(new JsonObject { ["code"] = "NOPE", ["article"] = "1" }));
        Assert.Contains(Problems(), p => p.Id == "1.1.2" && p.Message == "law code 'NOPE' is not in laws.json");
    }

    [Fact]
    public void Wrong_applies_to_for_domain_3_is_named()
    {
        Edit("isms-p-2023/controls/3.5.json", f => Control(f, "3.5.1")["appliesTo"] = "isms");
        Assert.Contains(Problems(), p => p.Id == "3.5.1" && p.Message.Contains("isms-p", StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_json_names_the_file_and_line()
    {
        File.WriteAllText(Path.Combine(_root, "isms-p-2023/controls/1.3.json"), "{ \"subdomain\": \"1.3\",\n \"controls\": [ }");
        var problems = Problems();
        Assert.Contains(problems, p => p.File == "isms-p-2023/controls/1.3.json" && p.Message.StartsWith("is not valid JSON (line 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_subdomain_file_and_stray_file_are_named()
    {
        File.Move(Path.Combine(_root, "isms-p-2023/controls/2.12.json"), Path.Combine(_root, "isms-p-2023/2.12.json"));
        var problems = Problems();
        Assert.Contains(problems, p => p.File == "isms-p-2023/controls/2.12.json" && p.Message.StartsWith("is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.File == "isms-p-2023/2.12.json" && p.Message.Contains("not part of any known catalog", StringComparison.Ordinal));
    }

    [Fact]
    public void Changed_total_is_caught_even_when_subdomain_declarations_follow()
    {
        Edit("isms-p-2023/edition.json", e => e["expected"]!["controls"] = 100);
        Assert.Contains(Problems(), p => p.File == "isms-p-2023/edition.json" && p.Message == "edition has 101 controls, expected 100");
    }

    [Fact]
    public void Embedded_loader_throws_a_readable_exception_listing_problems()
    {
        var ex = new CatalogValidationException([new CatalogProblem("a.json", "1.1.1", "broken")]);
        Assert.Contains("a.json: 1.1.1: broken", ex.Message, StringComparison.Ordinal);
    }
}
