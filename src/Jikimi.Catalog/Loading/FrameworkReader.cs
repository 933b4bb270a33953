using System.Text.Json;
using Jikimi.Catalog.Model;

namespace Jikimi.Catalog.Loading;

/// <summary>
/// Reads reference frameworks (<c>frameworks/*.json</c>) and their relation-typed mappings to ISMS-P
/// (<c>mappings/*.json</c>): every id on both sides must exist, every relation must be one of the four, every pair
/// needs a rationale in both languages, and every framework control must be mapped at least once.
/// </summary>
internal static class FrameworkReader
{
    public static ReferenceFramework? ReadFramework(string path, JsonElement root, List<CatalogProblem> problems)
    {
        var before = problems.Count;
        var r = new JsonNodeReader(root, path, null, problems);
        var id = r.RequiredString("id");
        var expectedName = Path.GetFileNameWithoutExtension(path);
        if (id.Length > 0 && id != expectedName)
        {
            r.Problem($"'id' is '{id}' but the file is named '{expectedName}.json'");
        }

        var name = r.RequiredPair("nameKo", "nameEn");
        var published = CatalogLoader.ParseDate(r, "published");
        var source = r.Localized("source", required: true) ?? LocalizedText.Empty;
        var expected = r.RequiredInt("expectedControls");
        var controls = new List<FrameworkControl>();
        foreach (var c in r.Array("controls", required: true))
        {
            var cid = c.RequiredString("id");
            var cr = c.WithId(cid);
            var title = cr.OptionalString("titleEn")?.Trim();
            var summary = cr.Localized("summary", required: false);
            if (string.IsNullOrEmpty(title) && summary is not { IsComplete: true })
            {
                cr.Problem("needs a 'titleEn' (a public name) or a 'summary' in ko and en");
            }

            var confidence = cr.RequiredString("confidence");
            if (confidence is not ("S" or "M" or "V"))
            {
                cr.Problem($"'confidence' must be \"V\", \"S\" or \"M\", not \"{confidence}\"");
            }

            controls.Add(new FrameworkControl(cid, string.IsNullOrEmpty(title) ? null : title, cr.OptionalString("theme"), summary, confidence));
        }

        foreach (var dup in controls.GroupBy(c => c.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(new CatalogProblem(path, dup.Key, $"control appears {dup.Count()} times"));
        }

        if (controls.Count != expected)
        {
            r.Problem($"has {controls.Count} controls, expected {expected}");
        }

        return problems.Count > before ? null : new ReferenceFramework(id, name, published, source, controls);
    }

    public static FrameworkMapping? ReadMapping(
        string path,
        JsonElement root,
        IReadOnlyDictionary<string, ReferenceFramework> frameworks,
        IReadOnlyDictionary<EditionId, Edition> editions,
        List<CatalogProblem> problems)
    {
        var before = problems.Count;
        var r = new JsonNodeReader(root, path, null, problems);
        var sourceText = r.RequiredString("source");
        var targetText = r.RequiredString("target");
        if (!frameworks.TryGetValue(sourceText, out var source))
        {
            r.Problem($"'source' '{sourceText}' is not a known framework (known: {string.Join(", ", frameworks.Keys.Order(StringComparer.Ordinal))})");
            return null;
        }

        if (!editions.TryGetValue(new EditionId(targetText), out var target))
        {
            r.Problem($"not checked: target edition '{targetText}' is unknown or has problems listed above");
            return null;
        }

        var basis = r.Localized("basis", required: true) ?? LocalizedText.Empty;
        var pairs = new List<MappingPair>();
        foreach (var p in r.Array("pairs", required: true))
        {
            var s = p.RequiredString("source");
            var t = p.RequiredString("target");
            var pr = p.WithId($"{s} → {t}");
            if (s.Length > 0 && source.Find(s) is null)
            {
                pr.Problem($"source '{s}' is not a control of {source.Id}");
            }

            if (t.Length > 0 && target.Find(t) is null)
            {
                pr.Problem($"target '{t}' is not a control of {target.Id}");
            }

            var relationText = pr.RequiredString("relation");
            if (!TryRelation(relationText, out var relation))
            {
                pr.Problem($"relation '{relationText}' must be equal, subset, superset or intersects");
            }

            var rationale = pr.Localized("rationale", required: true) ?? LocalizedText.Empty;
            pairs.Add(new MappingPair(source.Find(s)?.Id ?? s, t, relation, rationale));
        }

        foreach (var dup in pairs.GroupBy(p => (p.SourceId, p.TargetId)).Where(g => g.Count() > 1))
        {
            problems.Add(new CatalogProblem(path, $"{dup.Key.SourceId} → {dup.Key.TargetId}", $"pair appears {dup.Count()} times"));
        }

        foreach (var c in source.Controls.Where(c => !pairs.Any(p => p.SourceId == c.Id)))
        {
            problems.Add(new CatalogProblem(path, c.Id, $"{source.Id} control is not mapped to any {target.Id} control"));
        }

        return problems.Count > before ? null : new FrameworkMapping(source.Id, target.Id, basis, pairs);
    }

    private static bool TryRelation(string text, out MappingRelation relation)
    {
        // Only the four names: Enum.TryParse would also take "0" or "Equal, Subset".
        relation = text switch
        {
            "equal" => MappingRelation.Equal,
            "subset" => MappingRelation.Subset,
            "superset" => MappingRelation.Superset,
            "intersects" => MappingRelation.Intersects,
            _ => (MappingRelation)(-1),
        };
        return Enum.IsDefined(relation);
    }
}
