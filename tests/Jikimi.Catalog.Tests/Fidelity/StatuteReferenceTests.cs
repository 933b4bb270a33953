using System.Text.Json.Nodes;
using Jikimi.Catalog.Loading;
using Jikimi.Catalog.Model;
using Jikimi.TestSupport;

namespace Jikimi.Catalog.Tests.Fidelity;

/// <summary>Issue 19 item 6: whole-instrument references, the statutes the guide cites, own pins marked, dated texts.</summary>
public sealed class StatuteReferenceTests : IDisposable
{
    private readonly TempDir _temp = new();
    private static CriteriaCatalog Catalog => CriteriaCatalog.Embedded;

    public void Dispose() => _temp.Dispose();

    private static Control Ctrl(string id) => Catalog.Find(new ControlRef(EditionId.IsmsP2023, id))!;

    [Fact]
    public void Physical_facilities_cite_the_fire_facilities_act_and_the_data_centre_guideline()
    {
        var laws = Ctrl("2.4.4").Laws;
        Assert.Contains(laws, l => l.Statute.Code == "FIRE_FACILITIES_ACT" && l.Article == "12");
        Assert.Contains(laws, l => l.Statute.Code == "FIRE_FACILITIES_ACT" && l.Article == "16");
        var idc = Assert.Single(laws, l => l.Statute.Code == "IDC_PROTECTION_GUIDELINE");
        Assert.Null(idc.Article);
        Assert.Equal("집적정보통신시설 보호지침", idc.Format(Language.Ko));
        Assert.Equal(string.Empty, idc.FormatArticle(Language.En));
    }

    [Fact]
    public void Security_testing_cites_the_impact_assessment_notice_and_cross_border_transfer_its_regulation()
    {
        Assert.Contains(Ctrl("2.8.2").Laws, l => l.Statute.Code == "PIA_NOTICE" && l.Article is null);
        Assert.Contains(Ctrl("3.3.4").Laws, l => l.Statute.Code == "PI_CROSS_BORDER_REG" && l.Article is null);
    }

    [Theory]
    [InlineData("3.1.1")]
    [InlineData("3.3.1")]
    public void Our_own_article_pins_are_marked_as_ours(string id)
    {
        var pin = Assert.Single(Ctrl(id).Laws, l => l.Statute.Code == "PI_PROCESSING_NOTICE");
        Assert.True(pin.OwnPin);
        Assert.EndsWith("(조문은 Jikimi 지정)", pin.Format(Language.Ko), StringComparison.Ordinal);
        Assert.EndsWith("(article chosen by Jikimi)", pin.Format(Language.En), StringComparison.Ordinal);
        Assert.DoesNotContain(Catalog[EditionId.IsmsP2023].Controls.SelectMany(c => c.Laws), l => l.OwnPin && l.Statute.Code != "PI_PROCESSING_NOTICE");
    }

    [Fact]
    public void Every_statute_carries_the_date_of_the_text_it_cites_and_where_that_date_comes_from()
    {
        Assert.All(Catalog.Statutes.Values, s =>
        {
            Assert.NotNull(s.TextAsOf);
            Assert.Matches(@"\[(V|S|M)\]", s.DateSource!);
        });
        Assert.Equal(new DateOnly(2023, 9, 22), Catalog.Statutes["PI_SAFETY_STANDARD"].TextAsOf);
    }

    [Fact]
    public void A_statute_without_a_date_and_a_whole_reference_with_a_paragraph_are_problems()
    {
        var root = _temp.CopyTree(RepoPaths.Catalogs, "catalogs");
        var laws = Path.Combine(root, "laws.json");
        var node = JsonNode.Parse(File.ReadAllText(laws))!;
        node["statutes"]!.AsArray().Single(s => (string?)s!["code"] == "PIA_NOTICE")!.AsObject().Remove("textAsOf");
        File.WriteAllText(laws, node.ToJsonString());
        var file = Path.Combine(root, "isms-p-2023", "controls", "2.8.json");
        var controls = JsonNode.Parse(File.ReadAllText(file))!;
        var c = controls["controls"]!.AsArray().Single(x => (string?)x!["id"] == "2.8.2")!;
        c["laws"]!.AsArray().Add(new JsonObject { ["code"] = "PIA_NOTICE", ["paragraph"] = 2 });
        File.WriteAllText(file, controls.ToJsonString());

        var result = CatalogLoader.Load(new DirectoryCatalogFiles(root));
        Assert.Null(result.Catalog);
        Assert.Contains(result.Problems, p => p.Id == "PIA_NOTICE" && p.Message.Contains("textAsOf", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Id == "2.8.2" && p.Message.Contains("whole of PIA_NOTICE", StringComparison.Ordinal));
    }
}
