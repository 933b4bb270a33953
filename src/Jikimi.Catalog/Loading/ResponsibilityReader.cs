using System.Text.Json;
using Jikimi.Catalog.Model;

namespace Jikimi.Catalog.Loading;

/// <summary>
/// Reads a default responsibility split (<c>cloud/responsibility-&lt;edition&gt;.json</c>): every control of the
/// edition exactly once, each with provider/shared/customer for IaaS, PaaS and SaaS and a rationale in both
/// languages; check-item overrides must name check items of that control.
/// </summary>
internal static class ResponsibilityReader
{
    public static ResponsibilityMatrix? Read(string path, JsonElement root, IReadOnlyDictionary<EditionId, Edition> editions, List<CatalogProblem> problems)
    {
        var before = problems.Count;
        var r = new JsonNodeReader(root, path, null, problems);
        var editionText = r.RequiredString("edition");
        if (!editions.TryGetValue(new EditionId(editionText), out var edition))
        {
            r.Problem($"not checked: edition '{editionText}' is unknown or has problems listed above");
            return null;
        }

        var version = r.RequiredString("version");
        var basis = r.Localized("basis", required: true) ?? LocalizedText.Empty;
        var controls = new List<ControlResponsibility>();
        foreach (var c in r.Array("controls", required: true))
        {
            var id = c.RequiredString("id");
            var cr = c.WithId(id);
            var control = edition.Find(id);
            if (control is null)
            {
                cr.Problem($"'{id}' is not a control of {edition.Id}");
            }

            var split = ReadSplit(cr);
            var items = new Dictionary<string, ResponsibilitySplit>(StringComparer.Ordinal);
            foreach (var i in cr.Array("checkItems", required: false))
            {
                var itemId = i.RequiredString("id");
                var ir = i.WithId(itemId);
                if (control is not null && control.CheckItems.All(x => x.Id != itemId))
                {
                    ir.Problem($"'{itemId}' is not a check item of {id}");
                }

                var itemSplit = ReadSplit(ir);
                if (itemSplit == split with { Rationale = itemSplit.Rationale })
                {
                    ir.Problem("check item repeats the control's split (leave it out)");
                }

                if (!items.TryAdd(itemId, itemSplit))
                {
                    ir.Problem("check item appears twice");
                }
            }

            controls.Add(new ControlResponsibility(id, split, items));
        }

        foreach (var c in edition.Controls)
        {
            var n = controls.Count(x => x.ControlId == c.Id);
            if (n != 1)
            {
                problems.Add(new CatalogProblem(path, c.Id, $"{edition.Id} control has {n} splits (expected one)"));
            }
        }

        return problems.Count > before ? null : new ResponsibilityMatrix(edition.Id, version, basis, controls);
    }

    private static ResponsibilitySplit ReadSplit(JsonNodeReader r) =>
        new(Party(r, "iaas"), Party(r, "paas"), Party(r, "saas"), r.Localized("rationale", required: true) ?? LocalizedText.Empty);

    private static Responsibility Party(JsonNodeReader r, string field)
    {
        var text = r.RequiredString(field);
        switch (text)
        {
            case "provider":
                return Responsibility.Provider;
            case "shared":
                return Responsibility.Shared;
            case "customer":
                return Responsibility.Customer;
            default:
                if (text.Length > 0)
                {
                    r.Problem($"'{field}' is '{text}'; it must be provider, shared or customer");
                }

                return Responsibility.Customer;
        }
    }
}
