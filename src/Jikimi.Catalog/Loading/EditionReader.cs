using System.Text.Json;
using Jikimi.Catalog.Model;

namespace Jikimi.Catalog.Loading;

/// <summary>Reads one edition folder (edition.json + controls) and checks its structure and counts.</summary>
internal static class EditionReader
{
    private sealed record SubdomainDecl(string Id, string DomainId, LocalizedText Title, int Controls, int? CheckItems);

    public static Edition? Read(
        EditionId id,
        Dictionary<string, JsonDocument> docs,
        HashSet<string> used,
        IReadOnlyDictionary<string, Statute> statutes,
        List<CatalogProblem> problems)
    {
        var dir = id.Value + "/";
        var editionFile = dir + "edition.json";
        if (!docs.TryGetValue(editionFile, out var editionDoc))
        {
            problems.Add(new CatalogProblem(editionFile, null, "is missing"));
            return null;
        }

        used.Add(editionFile);
        var before = problems.Count;
        var e = new JsonNodeReader(editionDoc.RootElement, editionFile, id.Value, problems);
        var declaredId = e.RequiredString("id");
        if (declaredId != id.Value)
        {
            e.Problem($"'id' is '{declaredId}' but the folder says '{id.Value}'");
        }

        var name = e.RequiredPair("nameKo", "nameEn");
        var published = CatalogLoader.ParseDate(e, "published");
        var fullTexts = e.OptionalString("texts") == "full";
        LocalizedText? note = null;
        if (e.OptionalString("eligibilityKo") is not null || e.OptionalString("eligibilityEn") is not null)
        {
            note = e.RequiredPair("eligibilityKo", "eligibilityEn");
        }
        else if (e.OptionalString("sourceKo") is not null || e.OptionalString("sourceEn") is not null)
        {
            note = e.RequiredPair("sourceKo", "sourceEn");
        }

        var domains = new List<(string Id, LocalizedText Title)>();
        var subdomains = new List<SubdomainDecl>();
        foreach (var d in e.Array("domains", required: true))
        {
            var did = d.RequiredString("id");
            var dr = d.WithId(did);
            domains.Add((did, dr.RequiredPair("titleKo", "titleEn")));
            foreach (var s in dr.Array("subdomains", required: true))
            {
                var sid = s.RequiredString("id");
                var sr = s.WithId(sid);
                // A lettered domain (K-ISMS "M", 관리과정) holds steps numbered on their own: 1..5, items 1.1..5.3.
                var ownNumbering = did.Length > 0 && char.IsLetter(did[0]);
                if (!ownNumbering && !sid.StartsWith(did + ".", StringComparison.Ordinal))
                {
                    sr.Problem($"sub-domain id does not belong to domain {did}");
                }

                subdomains.Add(new SubdomainDecl(sid, did, sr.RequiredPair("titleKo", "titleEn"), sr.RequiredInt("controls"), sr.OptionalInt("checkItems")));
            }
        }

        Duplicates(domains.Select(d => d.Id), editionFile, "domain", problems);
        Duplicates(subdomains.Select(s => s.Id), editionFile, "sub-domain", problems);

        var controls = ReadControls(id, dir, docs, used, subdomains, statutes, fullTexts, problems);
        CheckCounts(id, editionFile, e, subdomains, controls, problems);

        if (problems.Count > before)
        {
            return null;
        }

        var built = domains.Select(d => new Domain(
            d.Id,
            d.Title,
            subdomains.Where(s => s.DomainId == d.Id)
                .Select(s => new Subdomain(s.Id, d.Id, s.Title, controls.Where(c => c.SubdomainId == s.Id).ToArray()))
                .ToArray())).ToArray();
        return new Edition(id, name, published, note, built);
    }

    private static List<Control> ReadControls(
        EditionId id,
        string dir,
        Dictionary<string, JsonDocument> docs,
        HashSet<string> used,
        List<SubdomainDecl> subdomains,
        IReadOnlyDictionary<string, Statute> statutes,
        bool fullTexts,
        List<CatalogProblem> problems)
    {
        var controls = new List<Control>();
        var perSubdomainFiles = docs.Keys.Where(k => k.StartsWith(dir + "controls/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var single = dir + "controls.json";
        if (perSubdomainFiles.Count > 0)
        {
            foreach (var s in subdomains.Where(s => !perSubdomainFiles.Contains($"{dir}controls/{s.Id}.json")))
            {
                problems.Add(new CatalogProblem($"{dir}controls/{s.Id}.json", s.Id, "is missing: every sub-domain of edition.json needs its file"));
            }

            foreach (var file in perSubdomainFiles)
            {
                used.Add(file);
                var root = new JsonNodeReader(docs[file].RootElement, file, null, problems);
                var sid = root.RequiredString("subdomain");
                var decl = subdomains.FirstOrDefault(s => s.Id == sid);
                if (decl is null)
                {
                    root.WithId(sid).Problem("sub-domain is not declared in edition.json");
                    continue;
                }

                if (file != $"{dir}controls/{sid}.json")
                {
                    root.WithId(sid).Problem($"file name must be {sid}.json");
                }

                foreach (var c in root.Array("controls", required: true))
                {
                    controls.Add(ControlReader.Read(id, c, decl.DomainId, sid, statutes, fullTexts));
                }
            }
        }
        else if (docs.TryGetValue(single, out var doc))
        {
            used.Add(single);
            var root = new JsonNodeReader(doc.RootElement, single, null, problems);
            foreach (var c in root.Array("controls", required: true))
            {
                var sid = c.RequiredString("subdomain");
                var decl = subdomains.FirstOrDefault(s => s.Id == sid);
                if (decl is null)
                {
                    c.WithId(c.OptionalString("id")).Problem($"sub-domain '{sid}' is not declared in edition.json");
                    continue;
                }

                controls.Add(ControlReader.Read(id, c, decl.DomainId, sid, statutes, fullTexts));
            }
        }
        else
        {
            problems.Add(new CatalogProblem(single, null, "is missing (or a controls/ folder with one file per sub-domain)"));
        }

        foreach (var dup in controls.GroupBy(c => c.Id).Where(g => g.Count() > 1))
        {
            problems.Add(new CatalogProblem(dir, dup.Key, $"control id appears {dup.Count()} times"));
        }

        return controls;
    }

    private static void CheckCounts(EditionId id, string editionFile, JsonNodeReader e, List<SubdomainDecl> subdomains, List<Control> controls, List<CatalogProblem> problems)
    {
        foreach (var s in subdomains)
        {
            var inSd = controls.Where(c => c.SubdomainId == s.Id).ToList();
            if (inSd.Count != s.Controls)
            {
                problems.Add(new CatalogProblem(editionFile, s.Id, $"sub-domain has {inSd.Count} controls, expected {s.Controls}"));
            }

            var items = inSd.Sum(c => c.CheckItemCount);
            if (s.CheckItems is { } expectedItems && items != expectedItems)
            {
                problems.Add(new CatalogProblem(editionFile, s.Id, $"sub-domain has {items} check items, expected {expectedItems}"));
            }
        }

        var expected = e.Element.TryGetProperty("expected", out var x) ? new JsonNodeReader(x, editionFile, id.Value, problems) : (JsonNodeReader?)null;
        if (expected is not { } ex)
        {
            e.Problem("'expected' counts are missing");
            return;
        }

        if (ex.RequiredInt("controls") is var n && n != controls.Count)
        {
            ex.Problem($"edition has {controls.Count} controls, expected {n}");
        }

        if (ex.OptionalInt("checkItems") is { } items2 && items2 != controls.Sum(c => c.CheckItemCount))
        {
            ex.Problem($"edition has {controls.Sum(c => c.CheckItemCount)} check items, expected {items2}");
        }

        if (ex.OptionalInt("ismsControls") is { } isms && isms != controls.Count(c => c.AppliesTo == AppliesTo.Isms))
        {
            ex.Problem($"edition has {controls.Count(c => c.AppliesTo == AppliesTo.Isms)} ISMS controls, expected {isms}");
        }
    }

    private static void Duplicates(IEnumerable<string> ids, string file, string what, List<CatalogProblem> problems)
    {
        foreach (var g in ids.GroupBy(i => i).Where(g => g.Count() > 1))
        {
            problems.Add(new CatalogProblem(file, g.Key, $"duplicate {what} id"));
        }
    }
}
