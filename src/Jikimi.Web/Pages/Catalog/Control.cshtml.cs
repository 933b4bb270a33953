using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Catalog;

public sealed class CatalogControlModel : UiPage
{
    public sealed record Relation(string Label, IReadOnlyList<Control> Targets, string Kind, string? Confidence = null);

    public Control? Control { get; private set; }

    public LocalizedText EditionName { get; private set; } = LocalizedText.Empty;

    public IReadOnlyList<Relation> Relations { get; private set; } = [];

    /// <summary>ISO/IEC 27001/27017/27018 controls mapped to this control, each with its relation and rationale (ADR 0048).</summary>
    public IReadOnlyList<(ReferenceFramework Framework, FrameworkControl? Control, MappingPair Pair)> IsoRelations { get; private set; } = [];

    public IActionResult OnGet(string edition, string controlId)
    {
        var catalog = CriteriaCatalog.Embedded;
        if (!EditionId.TryParse(edition, out var id) || !catalog.Editions.TryGetValue(id, out var ed) || ed.Find(controlId) is not { } control)
        {
            return NotFound();
        }

        (Control, EditionName) = (control, ed.Name);
        IsoRelations = catalog.MappedTo(control.Ref).Select(x => (x.Framework, x.Framework.Find(x.Pair.SourceId), x.Pair)).ToList();
        var relations = new List<Relation>();
        foreach (var (cw, entry, reversed) in catalog.RelationsOf(control.Ref))
        {
            var other = reversed ? cw.From : cw.To;
            var ids = reversed ? (entry.FromId is null ? [] : [entry.FromId]) : entry.ToIds;
            var targets = ids.Select(t => catalog.Find(new ControlRef(other, t))).OfType<Control>().ToList();
            relations.Add(new Relation(Pick(catalog[other].Name), targets, entry.Kind.ToString(), entry.Confidence));
        }

        // Simplified sets point at the 2023 controls they stand for (mapsTo); show both directions.
        if (id == EditionId.IsmsP2023)
        {
            foreach (var s in new[] { EditionId.Simplified72, EditionId.Simplified73 })
            {
                var targets = catalog[s].Controls.Where(x => x.MapsTo.Contains(control.Id)).ToList();
                if (targets.Count > 0)
                {
                    relations.Add(new Relation(Pick(catalog[s].Name), targets, "Corresponds"));
                }
            }
        }
        else if (control.MapsTo.Count > 0)
        {
            relations.Add(new Relation(Pick(catalog[EditionId.IsmsP2023].Name), control.MapsTo.Select(m => catalog[EditionId.IsmsP2023].Find(m)).OfType<Control>().ToList(), "Corresponds"));
        }

        Relations = relations;
        return Page();
    }

    private static string Pick(LocalizedText t) => Lang.Pick(t.Ko, t.En);
}
