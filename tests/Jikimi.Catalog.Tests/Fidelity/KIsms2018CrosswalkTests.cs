using Jikimi.Catalog.Model;

namespace Jikimi.Catalog.Tests.Fidelity;

/// <summary>Issue 19 item 3: the K-ISMS → ISMS-P 2018 leg, and the K-ISMS items' own summaries.</summary>
public class KIsms2018CrosswalkTests
{
    private static CriteriaCatalog Catalog => CriteriaCatalog.Embedded;

    private static Crosswalk Leg2018
    {
        get
        {
            var (cw, reversed) = Catalog.FindCrosswalk(EditionId.KIsms2013, EditionId.IsmsP2018)!.Value;
            Assert.False(reversed);
            return cw;
        }
    }

    [Fact]
    public void Every_k_isms_item_appears_once_and_every_id_resolves_in_2018()
    {
        var cw = Leg2018;
        var k = Catalog[EditionId.KIsms2013];
        var old = Catalog[EditionId.IsmsP2018];
        Assert.All(k.Controls, c => Assert.Single(cw.ForSource(c.Id)));
        Assert.All(cw.Entries, e =>
        {
            Assert.NotEmpty(e.ToIds);
            Assert.All(e.ToIds.Concat(e.Related), t => Assert.NotNull(old.Find(t)));
            Assert.True(e.Note.IsComplete);
        });
        Assert.All(old.Controls, c => Assert.NotEmpty(cw.ForTarget(c.Id)));
        var relations = new[] { CrosswalkKind.Equal, CrosswalkKind.Subset, CrosswalkKind.Superset, CrosswalkKind.Intersects };
        Assert.All(cw.Entries.Where(e => e.FromId is not null), e => Assert.Contains(e.Kind, relations));

        // K-ISMS had no personal-information lifecycle: all 22 of 2018's domain-3 items are new to it.
        Assert.Equal(22, cw.Entries.Count(e => e.FromId is null && e.ToIds[0].StartsWith("3.", StringComparison.Ordinal)));
        Assert.DoesNotContain(cw.Entries, e => e.FromId is not null && e.ToIds.Any(t => t.StartsWith("3.", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_2018_leg_agrees_with_the_2023_leg_through_the_2018_to_2023_crosswalk()
    {
        var (to2023, _) = Catalog.FindCrosswalk(EditionId.KIsms2013, EditionId.IsmsP2023)!.Value;
        var (between, _) = Catalog.FindCrosswalk(EditionId.IsmsP2018, EditionId.IsmsP2023)!.Value;
        foreach (var e in Leg2018.Entries.Where(e => e.FromId is not null))
        {
            var viaNew = to2023.ForSource(e.FromId!).Single();
            Assert.Equal(viaNew.Kind, e.Kind);

            // Each 2018 target continues unchanged ("same") as the 2023 target the other leg names.
            var carried = e.ToIds.Select(t => between.ForSource(t).Single()).ToList();
            Assert.All(carried, x => Assert.Equal(CrosswalkKind.Same, x.Kind));
            Assert.Equal(viaNew.ToIds, carried.SelectMany(x => x.ToIds).ToList());
        }
    }

    [Fact]
    public void Each_entry_is_flagged_at_least_as_weakly_as_the_titles_it_rests_on()
    {
        static int Rank(string? c) => c switch { null => 0, "S" => 1, _ => 2 };
        var k = Catalog[EditionId.KIsms2013];
        var old = Catalog[EditionId.IsmsP2018];
        Assert.All(Leg2018.Entries, e =>
        {
            var floor = e.ToIds.Select(t => Rank(old.Find(t)!.Confidence)).Append(e.FromId is null ? 0 : Rank(k.Find(e.FromId)!.Confidence)).Max();
            Assert.True(Rank(e.Confidence) >= floor, $"{e.FromId} → {string.Join(',', e.ToIds)}: {e.Confidence ?? "none"}");
        });

        // 2018 titles are known only from secondary sources: no entry of this leg is unflagged.
        Assert.All(Leg2018.Entries, e => Assert.NotNull(e.Confidence));
    }

    [Fact]
    public void Every_k_isms_item_has_a_summary_of_its_own_in_both_languages()
    {
        var k = Catalog[EditionId.KIsms2013];
        Assert.All(k.Controls, c =>
        {
            Assert.NotNull(c.Criterion);
            Assert.True(c.Criterion!.IsComplete, c.Id);
            Assert.NotEqual(c.Title.Ko, c.Criterion.Ko);
            Assert.NotEqual(c.Title.En, c.Criterion.En);
        });
        Assert.Equal(104, k.Controls.Select(c => c.Criterion!.Ko).Distinct(StringComparer.Ordinal).Count());
    }
}
