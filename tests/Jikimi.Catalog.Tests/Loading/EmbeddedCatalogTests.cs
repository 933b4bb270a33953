using Jikimi.Catalog.Loading;
using Jikimi.Catalog.Model;

namespace Jikimi.Catalog.Tests.Loading;

public class EmbeddedCatalogTests
{
    private static CriteriaCatalog Catalog => CriteriaCatalog.Embedded;

    [Fact]
    public void Embedded_catalogs_load_without_problems()
    {
        var result = CatalogLoader.Load(new EmbeddedCatalogFiles());
        Assert.Empty(result.Problems);
        Assert.NotNull(result.Catalog);
    }

    [Fact]
    public void Embedded_copy_holds_every_file_of_the_catalogs_folder()
    {
        var onDisk = new DirectoryCatalogFiles(Jikimi.TestSupport.RepoPaths.Catalogs).List();
        Assert.Equal(onDisk, new EmbeddedCatalogFiles().List());
    }

    [Theory]
    [InlineData("isms-p-2023", 101, 328)]
    [InlineData("isms-p-2018", 102, 0)]
    [InlineData("simplified-7-2", 62, 232)]
    [InlineData("simplified-7-3", 65, 222)]
    public void Editions_have_their_official_counts(string edition, int controls, int checkItems)
    {
        var e = Catalog[new EditionId(edition)];
        Assert.Equal(controls, e.Controls.Count);
        Assert.Equal(checkItems, e.CheckItemCount);
    }

    // ISMS-P-FACTS.md §1.1: controls / check items per sub-domain of the 2023 edition.
    [Theory]
    [InlineData("1.1", 6, 17)]
    [InlineData("1.2", 4, 13)]
    [InlineData("1.3", 3, 6)]
    [InlineData("1.4", 3, 6)]
    [InlineData("2.1", 3, 9)]
    [InlineData("2.2", 6, 19)]
    [InlineData("2.3", 4, 10)]
    [InlineData("2.4", 7, 17)]
    [InlineData("2.5", 6, 15)]
    [InlineData("2.6", 7, 25)]
    [InlineData("2.7", 2, 4)]
    [InlineData("2.8", 6, 17)]
    [InlineData("2.9", 7, 23)]
    [InlineData("2.10", 9, 36)]
    [InlineData("2.11", 5, 15)]
    [InlineData("2.12", 2, 5)]
    [InlineData("3.1", 7, 36)]
    [InlineData("3.2", 5, 20)]
    [InlineData("3.3", 4, 16)]
    [InlineData("3.4", 2, 8)]
    [InlineData("3.5", 3, 11)]
    public void Subdomains_of_2023_match_the_facts(string subdomain, int controls, int checkItems)
    {
        var sd = Catalog[EditionId.IsmsP2023].Subdomains.Single(s => s.Id == subdomain);
        Assert.Equal(controls, sd.Controls.Count);
        Assert.Equal(checkItems, sd.Controls.Sum(c => c.CheckItems.Count));
    }

    [Fact]
    public void Edition_2023_has_3_domains_21_subdomains_and_80_isms_controls()
    {
        var e = Catalog[EditionId.IsmsP2023];
        Assert.Equal(["1", "2", "3"], e.Domains.Select(d => d.Id));
        Assert.Equal(21, e.Subdomains.Count());
        Assert.Equal(80, e.InScope(Certification.Isms).Count());
        Assert.Equal(101, e.InScope(Certification.IsmsP).Count());
        Assert.Equal([16, 64, 21], e.Domains.Select(d => d.Subdomains.Sum(s => s.Controls.Count)));
        Assert.Equal(237, e.InScope(Certification.Isms).Sum(c => c.CheckItemCount));
    }

    [Fact]
    public void Edition_2018_has_16_64_22()
    {
        var e = Catalog[EditionId.IsmsP2018];
        Assert.Equal([16, 64, 22], e.Domains.Select(d => d.Subdomains.Sum(s => s.Controls.Count)));
    }

    [Fact]
    public void Every_2023_control_has_texts_in_both_languages()
    {
        foreach (var c in Catalog[EditionId.IsmsP2023].Controls)
        {
            Assert.True(c.Title.IsComplete, c.Id);
            Assert.True(c.Criterion!.IsComplete, c.Id);
            Assert.NotEmpty(c.Evidence);
            Assert.All(c.CheckItems, i => Assert.True(i.Text.IsComplete, i.Id));
            Assert.All(c.Evidence, e => Assert.True(e.IsComplete, c.Id));
        }
    }

    [Fact]
    public void Simplified_set_ids_are_qualified_by_edition_and_never_confused()
    {
        var pledge = Catalog.Find(new ControlRef(EditionId.Simplified72, "2.1.1"));
        var policy = Catalog.Find(new ControlRef(EditionId.IsmsP2023, "2.1.1"));
        Assert.NotNull(pledge);
        Assert.NotNull(policy);
        Assert.Equal("보안 서약", pledge!.Title.Ko);
        Assert.Equal("정책의 유지관리", policy!.Title.Ko);
        Assert.NotEqual(pledge.Ref, policy.Ref);
        Assert.Equal(["2.2.3"], pledge.MapsTo);
        Assert.Equal("7-2:2.1.1", pledge.Ref.ToString());
    }

    [Theory]
    [InlineData("simplified-7-2", 41)]
    [InlineData("simplified-7-3", 44)]
    public void Simplified_sets_split_into_isms_and_personal_information(string edition, int isms)
    {
        var e = Catalog[new EditionId(edition)];
        Assert.Equal(isms, e.InScope(Certification.Isms).Count());
        Assert.Equal(21, e.Controls.Count(c => c.AppliesTo == AppliesTo.IsmsP));
    }

    [Fact]
    public void Every_simplified_control_maps_to_an_existing_2023_control()
    {
        var main = Catalog[EditionId.IsmsP2023];
        foreach (var id in new[] { EditionId.Simplified72, EditionId.Simplified73 })
        {
            foreach (var c in Catalog[id].Controls)
            {
                Assert.NotEmpty(c.MapsTo);
                Assert.All(c.MapsTo, t => Assert.NotNull(main.Find(t)));
            }
        }
    }

    [Fact]
    public void Law_references_format_in_korean_and_english()
    {
        var pipa = Catalog.Statutes["PIPA"];
        Assert.Equal("제24조의2", new LawReference(pipa, "24-2", null).FormatArticle(Language.Ko));
        Assert.Equal("제29조제1항", new LawReference(pipa, "29", 1).FormatArticle(Language.Ko));
        Assert.Equal("Art. 24-2(1)", new LawReference(pipa, "24-2", 1).FormatArticle(Language.En));
        Assert.Equal("개인정보 보호법 제29조", new LawReference(pipa, "29", null).Format(Language.Ko));
    }
}
