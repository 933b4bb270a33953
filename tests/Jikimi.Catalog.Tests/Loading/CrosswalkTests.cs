using Jikimi.Catalog.Model;

namespace Jikimi.Catalog.Tests.Loading;

public class CrosswalkTests
{
    private static readonly Crosswalk Cw = CriteriaCatalog.Embedded.FindCrosswalk(EditionId.IsmsP2018, EditionId.IsmsP2023)!.Value.Crosswalk;

    private static CrosswalkEntry From(string id) => Cw.ForSource(id).Single();

    // ISMS-P-FACTS.md §1.3
    [Fact]
    public void Deleted_2018_controls_have_no_successor()
    {
        Assert.Equal(CrosswalkKind.Deleted, From("3.2.3").Kind);
        Assert.Empty(From("3.2.3").ToIds);
        Assert.Equal(["2.6.3", "3.2.5"], From("3.2.3").Related);
        Assert.Equal(CrosswalkKind.Deleted, From("3.4.3").Kind);
    }

    [Fact]
    public void New_2023_control_is_pseudonymised_information()
    {
        var created = Cw.Entries.Single(e => e.Kind == CrosswalkKind.New);
        Assert.Null(created.FromId);
        Assert.Equal(["3.2.5"], created.ToIds);
        Assert.Equal("가명정보 처리", CriteriaCatalog.Embedded[EditionId.IsmsP2023].Find("3.2.5")!.Title.Ko);
    }

    [Fact]
    public void Collection_controls_swap_between_3_1_1_and_3_1_2()
    {
        Assert.Equal(["3.1.2"], From("3.1.1").ToIds);
        Assert.Equal(CrosswalkKind.Moved, From("3.1.1").Kind);
        Assert.Equal(["3.1.1"], From("3.1.2").ToIds);
    }

    [Theory]
    [InlineData("3.2.4", "3.2.3")]
    [InlineData("3.2.5", "3.2.4")]
    public void Renumbered_3_2_controls_move(string from, string to)
    {
        Assert.Equal(CrosswalkKind.Moved, From(from).Kind);
        Assert.Equal([to], From(from).ToIds);
    }

    [Fact]
    public void Domains_1_and_2_are_unchanged()
    {
        var first80 = CriteriaCatalog.Embedded[EditionId.IsmsP2018].Controls.Where(c => c.DomainId != "3");
        Assert.All(first80, c => Assert.Equal(CrosswalkKind.Same, From(c.Id).Kind));
        Assert.Equal(80, first80.Count());
    }

    [Fact]
    public void Relations_are_found_from_both_sides()
    {
        var rel = CriteriaCatalog.Embedded.RelationsOf(new ControlRef(EditionId.IsmsP2023, "3.2.3")).ToList();
        Assert.Contains(rel, r => r.Crosswalk.From == EditionId.IsmsP2018 && r.Entry.FromId == "3.2.4");
        Assert.Contains(rel, r => r.Crosswalk.From == EditionId.Simplified72);
    }
}
