using System.Text.Json;
using Jikimi.Catalog.Model;

namespace Jikimi.Catalog.Loading;

/// <summary>Reads a crosswalk file and checks that every id on both sides exists and every control is covered.</summary>
internal static class CrosswalkReader
{
    public static Crosswalk? Read(string path, JsonElement root, IReadOnlyDictionary<EditionId, Edition> editions, List<CatalogProblem> problems)
    {
        var before = problems.Count;
        var r = new JsonNodeReader(root, path, null, problems);
        var fromText = r.RequiredString("from");
        var toText = r.RequiredString("to");
        if (!editions.TryGetValue(new EditionId(fromText), out var from) || !editions.TryGetValue(new EditionId(toText), out var to))
        {
            r.Problem($"not checked: edition '{fromText}' or '{toText}' is unknown or has problems listed above");
            return null;
        }

        var entries = new List<CrosswalkEntry>();
        foreach (var e in r.Array("entries", required: true))
        {
            var fromId = e.OptionalString("from")?.Trim();
            var er = e.WithId(fromId ?? "(new)");
            var kindText = er.RequiredString("kind");
            if (!Enum.TryParse<CrosswalkKind>(kindText, ignoreCase: true, out var kind) || kind == CrosswalkKind.Corresponds)
            {
                er.Problem($"kind '{kindText}' must be same, renamed, moved, merged, deleted, new, equal, subset, superset or intersects");
                continue;
            }

            var toIds = er.StringArray("to");
            var related = er.StringArray("related");
            var note = er.Localized("note", required: false) ?? LocalizedText.Empty;
            if (kind != CrosswalkKind.Same && !note.IsComplete)
            {
                er.Problem($"a '{kindText}' entry needs a note in ko and en");
            }

            if (kind == CrosswalkKind.New ? fromId is not null : fromId is null || from.Find(fromId) is null)
            {
                er.Problem(kind == CrosswalkKind.New ? "a 'new' entry has no 'from' id" : $"'{fromId}' is not a control of {from.Id}");
            }

            foreach (var t in toIds.Concat(related).Where(t => to.Find(t) is null))
            {
                er.Problem($"target '{t}' is not a control of {to.Id}");
            }

            var shapeOk = kind switch
            {
                CrosswalkKind.Same or CrosswalkKind.Renamed => toIds.Count == 1 && toIds[0] == fromId,
                CrosswalkKind.Moved => toIds.Count >= 1 && !toIds.Contains(fromId!),
                CrosswalkKind.Merged or CrosswalkKind.New => toIds.Count >= 1,
                CrosswalkKind.Equal or CrosswalkKind.Subset or CrosswalkKind.Superset or CrosswalkKind.Intersects => toIds.Count >= 1,
                CrosswalkKind.Deleted => toIds.Count == 0,
                _ => false,
            };
            if (!shapeOk)
            {
                er.Problem($"'to' does not fit kind '{kindText}'");
            }

            // An entry resting on an unverified title must say so (the source control's confidence is the floor).
            var confidence = er.OptionalString("confidence");
            if (confidence is not null and not ("S" or "M"))
            {
                er.Problem($"'confidence' must be \"S\" or \"M\", not \"{confidence}\"");
            }

            var sourceConfidence = fromId is null ? null : from.Find(fromId)?.Confidence;
            if (sourceConfidence == "M" && confidence != "M")
            {
                er.Problem($"'{fromId}' has an unverified title in {from.Id}: the entry needs \"confidence\": \"M\"");
            }

            entries.Add(new CrosswalkEntry(fromId, toIds, kind, related, note, confidence));
        }

        foreach (var c in from.Controls)
        {
            var n = entries.Count(x => x.FromId == c.Id);
            if (n != 1)
            {
                problems.Add(new CatalogProblem(path, c.Id, $"{from.Id} control appears {n} times as 'from' (expected once)"));
            }
        }

        foreach (var c in to.Controls.Where(c => !entries.Any(x => x.ToIds.Contains(c.Id))))
        {
            problems.Add(new CatalogProblem(path, c.Id, $"{to.Id} control is not reached by any entry"));
        }

        return problems.Count > before ? null : new Crosswalk(from.Id, to.Id, entries);
    }

    /// <summary>Simplified sets carry their correspondence to 별표 7 in each control's mapsTo.</summary>
    public static IEnumerable<Crosswalk> FromMappings(IReadOnlyDictionary<EditionId, Edition> editions)
    {
        if (!editions.TryGetValue(EditionId.IsmsP2023, out var main))
        {
            yield break;
        }

        foreach (var simplified in new[] { EditionId.Simplified72, EditionId.Simplified73 })
        {
            if (editions.TryGetValue(simplified, out var s))
            {
                yield return new Crosswalk(
                    s.Id,
                    main.Id,
                    s.Controls.Select(c => new CrosswalkEntry(c.Id, c.MapsTo, CrosswalkKind.Corresponds, [], LocalizedText.Empty)).ToArray());
            }
        }
    }

    /// <summary>Checks mapsTo targets of simplified sets (called by the loader once 2023 is loaded).</summary>
    public static void CheckMappings(IReadOnlyDictionary<EditionId, Edition> editions, List<CatalogProblem> problems)
    {
        if (!editions.TryGetValue(EditionId.IsmsP2023, out var main))
        {
            return;
        }

        foreach (var s in editions.Values.Where(e => e.Id != main.Id))
        {
            foreach (var c in s.Controls)
            {
                var file = $"{s.Id.Value}/controls.json";
                var simplified = s.Id == EditionId.Simplified72 || s.Id == EditionId.Simplified73;
                if (simplified && c.MapsTo.Count == 0)
                {
                    problems.Add(new CatalogProblem(file, c.Id, "'mapsTo' must name at least one 별표 7 control"));
                }

                foreach (var t in c.MapsTo.Where(t => main.Find(t) is null))
                {
                    problems.Add(new CatalogProblem(file, c.Id, $"'mapsTo' target '{t}' is not a control of {main.Id}"));
                }

                CheckBasedOn(file, c, main, problems);
            }
        }
    }

    /// <summary>
    /// A simplified check item names the 별표 7 check item it comes from; that item must exist and belong to a control
    /// in mapsTo, and every mapsTo control must give at least one check item (so mapsTo names all sources, not one).
    /// </summary>
    private static void CheckBasedOn(string file, Control c, Edition main, List<CatalogProblem> problems)
    {
        var sources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in c.CheckItems.Where(i => i.BasedOn is not null))
        {
            var dash = item.BasedOn!.LastIndexOf('-');
            var controlId = dash > 0 ? item.BasedOn[..dash] : item.BasedOn;
            var source = main.Find(controlId);
            if (source is null || source.CheckItems.All(x => x.Id != item.BasedOn))
            {
                problems.Add(new CatalogProblem(file, item.Id, $"'basedOn' '{item.BasedOn}' is not a check item of {main.Id}"));
                continue;
            }

            if (!c.MapsTo.Contains(controlId))
            {
                problems.Add(new CatalogProblem(file, item.Id, $"'basedOn' '{item.BasedOn}' comes from {controlId}, which 'mapsTo' does not name"));
            }

            sources.Add(controlId);
        }

        if (c.CheckItems.Count > 0 && c.CheckItems.All(i => i.BasedOn is not null))
        {
            foreach (var t in c.MapsTo.Where(t => !sources.Contains(t)))
            {
                problems.Add(new CatalogProblem(file, c.Id, $"'mapsTo' names {t} but no check item is based on it"));
            }
        }
    }
}
