using Jikimi.Catalog.Model;

namespace Jikimi.Catalog.Tests.Fidelity;

/// <summary>Issue 19 items 1 and 7: the legacy K-ISMS catalog, 104 = 12 + 92, by step and by area.</summary>
public class KIsmsCatalogTests
{
    private static Edition KIsms => CriteriaCatalog.Embedded[EditionId.KIsms2013];

    [Fact]
    public void Has_104_items_12_in_the_management_process_and_92_countermeasures()
    {
        Assert.Equal(104, KIsms.Controls.Count);
        Assert.Equal(12, KIsms.Domains.Single(d => d.Id == "M").Subdomains.Sum(s => s.Controls.Count));
        Assert.Equal(92, KIsms.Domains.Where(d => d.Id != "M").Sum(d => d.Subdomains.Sum(s => s.Controls.Count)));
        Assert.All(KIsms.Controls, c => Assert.Equal(AppliesTo.Isms, c.AppliesTo));
    }

    [Theory]
    [InlineData("M", 12, 5)]
    [InlineData("1", 6, 3)]
    [InlineData("2", 4, 2)]
    [InlineData("3", 3, 2)]
    [InlineData("4", 3, 2)]
    [InlineData("5", 4, 2)]
    [InlineData("6", 5, 2)]
    [InlineData("7", 9, 3)]
    [InlineData("8", 10, 3)]
    [InlineData("9", 2, 2)]
    [InlineData("10", 14, 4)]
    [InlineData("11", 22, 6)]
    [InlineData("12", 7, 3)]
    [InlineData("13", 3, 2)]
    public void Counts_per_area(string area, int items, int subAreas)
    {
        var d = KIsms.Domains.Single(x => x.Id == area);
        Assert.Equal(items, d.Subdomains.Sum(s => s.Controls.Count));
        Assert.Equal(subAreas, d.Subdomains.Count);
    }

    [Fact]
    public void Management_items_use_two_part_ids_and_do_not_collide_with_countermeasures()
    {
        var policy = KIsms.Find("1.1")!;
        var approval = KIsms.Find("1.1.1")!;
        Assert.Equal("정보보호정책의 수립", policy.Title.Ko);
        Assert.Equal("M", policy.DomainId);
        Assert.Equal("정책의 승인", approval.Title.Ko);
        Assert.Equal("1", approval.DomainId);
        Assert.Equal("k-isms:1.1", policy.Ref.ToString());
        Assert.True(EditionId.TryParse("k-isms", out var e) && e == EditionId.KIsms2013);
    }

    [Fact]
    public void Every_item_names_its_source_and_unconfirmed_titles_are_flagged()
    {
        Assert.All(KIsms.Controls, c => Assert.False(string.IsNullOrWhiteSpace(c.Source), c.Id));
        Assert.Equal(90, KIsms.Controls.Count(c => c.Confidence == "M"));
        Assert.Null(KIsms.Find("7.1.1")!.Confidence);   // 보호구역 지정: id and title from secondary sources
        Assert.Equal("M", KIsms.Find("6.1.3")!.Confidence);
        Assert.All(KIsms.Controls, c => Assert.True(c.Title.IsComplete, c.Id));
    }
}

/// <summary>Issue 19 item 3: the relation-typed crosswalk K-ISMS → ISMS-P 2023.</summary>
public class KIsmsCrosswalkTests
{
    private static CriteriaCatalog Catalog => CriteriaCatalog.Embedded;

    [Fact]
    public void Every_k_isms_item_appears_once_and_every_id_resolves()
    {
        var (cw, reversed) = Catalog.FindCrosswalk(EditionId.KIsms2013, EditionId.IsmsP2023)!.Value;
        Assert.False(reversed);
        var k = Catalog[EditionId.KIsms2013];
        var main = Catalog[EditionId.IsmsP2023];
        Assert.All(k.Controls, c => Assert.Single(cw.ForSource(c.Id)));
        Assert.All(cw.Entries, e =>
        {
            Assert.All(e.ToIds, t => Assert.NotNull(main.Find(t)));
            Assert.True(e.Note.IsComplete);
        });
        Assert.All(main.Controls, c => Assert.NotEmpty(cw.ForTarget(c.Id)));
        var relations = new[] { CrosswalkKind.Equal, CrosswalkKind.Subset, CrosswalkKind.Superset, CrosswalkKind.Intersects };
        Assert.All(cw.Entries.Where(e => e.FromId is not null), e => Assert.Contains(e.Kind, relations));
        Assert.All(cw.Entries.Where(e => e.FromId is null), e => Assert.Equal(CrosswalkKind.New, e.Kind));
        Assert.Equal(21, cw.Entries.Count(e => e.FromId is null && e.ToIds[0].StartsWith("3.", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("7.1.1", "Equal", "2.4.1")]
    [InlineData("2.2", "Superset", "1.1.2,1.1.3,1.1.6")]
    [InlineData("10.3.3", "Subset", "2.5.4")]
    [InlineData("11.6.3", "Intersects", "2.9.5,2.11.3")]
    public void Relations_are_typed(string from, string kind, string to)
    {
        var (cw, _) = Catalog.FindCrosswalk(EditionId.KIsms2013, EditionId.IsmsP2023)!.Value;
        var e = cw.ForSource(from).Single();
        Assert.Equal(kind, e.Kind.ToString());
        Assert.Equal(to.Split(','), e.ToIds);
    }

    [Fact]
    public void Entries_resting_on_unconfirmed_titles_are_flagged()
    {
        var (cw, _) = Catalog.FindCrosswalk(EditionId.KIsms2013, EditionId.IsmsP2023)!.Value;
        var k = Catalog[EditionId.KIsms2013];
        Assert.All(cw.Entries.Where(e => e.FromId is not null), e => Assert.Equal(k.Find(e.FromId!)!.Confidence, e.Confidence));
    }
}
