using Jikimi.Catalog.Model;
using Jikimi.Catalog.Search;

namespace Jikimi.Catalog.Tests.Search;

public class CatalogSearchTests
{
    private static readonly Edition E = CriteriaCatalog.Embedded[EditionId.IsmsP2023];

    [Theory]
    [InlineData("비밀번호", "2.5.4")]
    [InlineData("password", "2.5.4")]
    [InlineData("가명정보", "3.2.5")]
    [InlineData("Pseudonymized", "3.2.5")]
    [InlineData("2.10.2", "2.10.2")]
    [InlineData("수집·이용", "3.1.1")]
    [InlineData("수집/이용", "3.1.1")]
    public void Best_hit_is_the_expected_control(string query, string expected)
    {
        var hits = CatalogSearch.Search(E.Controls, query);
        Assert.NotEmpty(hits);
        Assert.Equal(expected, hits[0].Control.Id);
    }

    [Fact]
    public void All_words_must_match()
    {
        Assert.Empty(CatalogSearch.Search(E.Controls, "비밀번호 zzzzqqq"));
        Assert.Empty(CatalogSearch.Search(E.Controls, "   "));
    }

    [Fact]
    public void Subdomain_prefix_finds_its_controls_in_order()
    {
        var hits = CatalogSearch.Search(E.Controls, "2.5");
        Assert.Equal(["2.5.1", "2.5.2", "2.5.3", "2.5.4", "2.5.5", "2.5.6"], hits.Where(h => h.MatchedIn.Contains("id")).Select(h => h.Control.Id));
    }

    [Theory]
    [InlineData("2.5.9", "2.5.1")]
    [InlineData("2.10.10", "2.10.1")]
    [InlineData("1.1.7", "1.1.1")]
    public void Nearest_ids_are_suggested(string typo, string expected)
    {
        Assert.Contains(expected, IdSuggestions.Nearest(typo, E.Controls.Select(c => c.Id)));
    }

    [Fact]
    public void Control_ids_sort_numerically()
    {
        string[] ids = ["2.10.1", "2.9.7", "2.1.1", "10.1.1"];
        Assert.Equal(["2.1.1", "2.9.7", "2.10.1", "10.1.1"], ids.Order(ControlIdComparer.Instance));
    }
}
