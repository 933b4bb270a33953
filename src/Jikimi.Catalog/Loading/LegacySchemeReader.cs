using System.Globalization;
using System.Text.Json;
using Jikimi.Catalog.Model;

namespace Jikimi.Catalog.Loading;

/// <summary>
/// Reads <c>k-pims/scheme.json</c>: a scheme known only in outline. Every count carries its source and a confidence
/// ("S" or "M"); an "M" count or structure must say in its source what was not found.
/// </summary>
internal static class LegacySchemeReader
{
    public static LegacyScheme? Read(string path, JsonElement root, List<CatalogProblem> problems)
    {
        var before = problems.Count;
        var r = new JsonNodeReader(root, path, null, problems);
        var id = r.RequiredString("id");
        var name = r.RequiredPair("nameKo", "nameEn");
        var note = r.RequiredPair("noteKo", "noteEn");
        var editions = new List<LegacySchemeEdition>();
        foreach (var e in r.Array("editions", required: true))
        {
            var editionId = e.RequiredString("id");
            var er = e.WithId(editionId);
            if (editions.Any(x => x.Id == editionId))
            {
                er.Problem("edition id appears twice");
            }

            var from = Date(er, "effectiveFrom");
            var to = Date(er, "effectiveTo");
            if (from is { } f && to is { } t && t < f)
            {
                er.Problem("'effectiveTo' is before 'effectiveFrom'");
            }

            var count = er.RequiredInt("itemCount");
            if (count <= 0)
            {
                er.Problem("'itemCount' must be positive");
            }

            var countSource = er.RequiredString("countSource");
            var confidence = Confidence(er, "confidence");
            var structureConfidence = Confidence(er, "structureConfidence");
            editions.Add(new LegacySchemeEdition(editionId, er.RequiredPair("nameKo", "nameEn"), from, to, count, countSource, confidence,
                er.RequiredPair("structureKo", "structureEn"), structureConfidence));
        }

        if (editions.Count == 0)
        {
            r.Problem("'editions' is empty");
        }

        var tried = r.StringArray("sourcesTried");
        if (tried.Count == 0)
        {
            r.Problem("'sourcesTried' must name where the items were looked for");
        }

        return problems.Count > before ? null : new LegacyScheme(id, name, note, editions, tried);
    }

    private static string Confidence(JsonNodeReader r, string name)
    {
        var c = r.RequiredString(name);
        if (c.Length > 0 && c is not ("S" or "M"))
        {
            r.Problem($"'{name}' must be \"S\" or \"M\", not \"{c}\"");
        }

        return c;
    }

    private static DateOnly? Date(JsonNodeReader r, string name)
    {
        var text = r.OptionalString(name);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            r.Problem($"'{name}' must be a date yyyy-MM-dd");
            return null;
        }

        return d;
    }
}
