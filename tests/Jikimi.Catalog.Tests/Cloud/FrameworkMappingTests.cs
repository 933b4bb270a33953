using Jikimi.Catalog.Model;

namespace Jikimi.Catalog.Tests.Cloud;

public class FrameworkMappingTests
{
    private static readonly CriteriaCatalog Catalog = CriteriaCatalog.Embedded;

    [Fact]
    public void Iso27001_annex_a_has_93_controls_in_four_themes()
    {
        var iso = Catalog.Frameworks[ReferenceFramework.Iso27001];
        Assert.Equal(93, iso.Controls.Count);
        Assert.Equal([37, 8, 14, 34], iso.Controls.GroupBy(c => c.Theme).Select(g => g.Count()));
        Assert.Equal("Access control", iso.Find("A.5.15")!.TitleEn);
        Assert.Equal("S", iso.Find("5.11")!.Confidence);
        Assert.Equal("M", iso.Find("8.34")!.Confidence);
    }

    [Theory]
    [InlineData(ReferenceFramework.Iso27001)]
    [InlineData(ReferenceFramework.Iso27017)]
    [InlineData(ReferenceFramework.Iso27018)]
    public void Every_pair_names_existing_controls_on_both_sides_with_a_valid_relation(string framework)
    {
        var f = Catalog.Frameworks[framework];
        var mapping = Catalog.MappingFor(framework, EditionId.IsmsP2023)!;
        var edition = Catalog[EditionId.IsmsP2023];
        Assert.All(mapping.Pairs, p =>
        {
            Assert.NotNull(f.Find(p.SourceId));
            Assert.NotNull(edition.Find(p.TargetId));
            Assert.True(Enum.IsDefined(p.Relation));
            Assert.True(p.Rationale.IsComplete, $"{p.SourceId} → {p.TargetId}");
        });
        Assert.All(f.Controls, c => Assert.NotEmpty(mapping.FromSource(c.Id)));
    }

    [Fact]
    public void Iso_5_15_maps_to_the_access_controls_and_back()
    {
        var mapping = Catalog.MappingFor(ReferenceFramework.Iso27001, EditionId.IsmsP2023)!;
        Assert.Contains(mapping.FromSource("5.15"), p => p.TargetId == "2.6.2");
        Assert.Contains(Catalog.MappedTo(new ControlRef(EditionId.IsmsP2023, "2.5.1")), m => m.Pair.SourceId == "5.15" && m.Framework.Id == ReferenceFramework.Iso27001);
        Assert.Equal(MappingRelation.Equal, mapping.FromSource("8.13").Single().Relation);
    }

    [Fact]
    public void Isms_p_asks_beyond_iso_for_the_privacy_lifecycle_and_access_record_retention()
    {
        var mapping = Catalog.MappingFor(ReferenceFramework.Iso27001, EditionId.IsmsP2023)!;
        var edition = Catalog[EditionId.IsmsP2023];
        var unreached = mapping.Unreached(edition).Select(c => c.Id).ToHashSet();
        var partly = mapping.PartlyReached(edition).Select(c => c.Id).ToHashSet();
        Assert.Contains("3.5.2", unreached);
        Assert.Contains("1.2.3", unreached);
        Assert.Contains("2.9.4", partly);
        Assert.DoesNotContain("2.9.3", partly);
        Assert.DoesNotContain("2.9.3", unreached);
    }

    [Fact]
    public void Cloud_specific_27017_controls_land_on_cloud_security()
    {
        var mapping = Catalog.MappingFor(ReferenceFramework.Iso27017, EditionId.IsmsP2023)!;
        Assert.Contains(mapping.FromSource("CLD.6.3.1"), p => p.TargetId == "2.10.2");
        Assert.Equal(7, Catalog.Frameworks[ReferenceFramework.Iso27017].Controls.Count);
    }
}
