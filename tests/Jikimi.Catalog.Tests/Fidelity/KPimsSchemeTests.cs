using System.Text.Json.Nodes;
using Jikimi.Catalog.Loading;
using Jikimi.TestSupport;

namespace Jikimi.Catalog.Tests.Fidelity;

/// <summary>Issue 19 item 2: K-PIMS known in outline — the item count per edition with its source; no invented rows.</summary>
public sealed class KPimsSchemeTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Each_count_belongs_to_an_edition_with_its_source_and_confidence()
    {
        var scheme = CriteriaCatalog.Embedded.LegacySchemes["k-pims"];
        var unified = scheme.Editions.Single(e => e.ItemCount == 86);
        Assert.Equal("k-pims-2016", unified.Id);
        Assert.Equal(new DateOnly(2016, 1, 1), unified.EffectiveFrom);
        Assert.Equal(new DateOnly(2018, 11, 6), unified.EffectiveTo);
        Assert.Equal("S", unified.Confidence);
        Assert.Contains("etnews.com/20151015000317", unified.CountSource, StringComparison.Ordinal);

        // The seed's 82 is kept, flagged, with no edition dates invented for it.
        var reported = scheme.Editions.Single(e => e.ItemCount == 82);
        Assert.Equal("M", reported.Confidence);
        Assert.Null(reported.EffectiveFrom);
        Assert.Contains("no public source", reported.CountSource, StringComparison.Ordinal);

        Assert.All(scheme.Editions, e => Assert.True(e.Structure.IsComplete && e.Name.IsComplete, e.Id));
        Assert.NotEmpty(scheme.SourcesTried);
    }

    [Theory]
    [InlineData("confidence", "V", "'confidence' must be \"S\" or \"M\", not \"V\"")]
    [InlineData("countSource", "", "'countSource' is missing or empty")]
    [InlineData("effectiveTo", "2015-12-31", "'effectiveTo' is before 'effectiveFrom'")]
    public void A_count_without_its_source_or_with_an_unknown_confidence_is_a_problem(string field, string value, string message)
    {
        var root = _temp.CopyTree(RepoPaths.Catalogs, "catalogs");
        var path = Path.Combine(root, "k-pims", "scheme.json");
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        node["editions"]![0]![field] = value;
        File.WriteAllText(path, node.ToJsonString());

        var result = CatalogLoader.Load(new DirectoryCatalogFiles(root));
        Assert.Null(result.Catalog);
        Assert.Contains(result.Problems, p => p.File == "k-pims/scheme.json" && p.Id == "k-pims-2016" && p.Message == message);
    }
}
