using System.Text.Json;
using Jikimi.Catalog.Model;

namespace Jikimi.Catalog.Loading;

/// <summary>Reads one control object and checks it on its own.</summary>
internal static class ControlReader
{
    public static Control Read(EditionId edition, JsonNodeReader c, string domainId, string subdomainId, IReadOnlyDictionary<string, Statute> statutes, bool fullTexts)
    {
        var id = c.RequiredString("id");
        var r = c.WithId(id);
        if (id.Length > 0 && !CatalogLoader.IsControlId(id))
        {
            r.Problem("id must look like 1.2.3 (or 1.2 for a K-ISMS management item)");
        }
        else if (id.Length > 0 && !id.StartsWith(subdomainId + ".", StringComparison.Ordinal))
        {
            r.Problem($"id does not belong to sub-domain {subdomainId}");
        }

        var declaredDomain = r.OptionalString("domain");
        if (declaredDomain is not null && declaredDomain != domainId)
        {
            r.Problem($"'domain' is {declaredDomain} but sub-domain {subdomainId} is in domain {domainId}");
        }

        var title = r.RequiredPair("titleKo", "titleEn");
        var appliesToText = r.RequiredString("appliesTo");
        if (!AppliesToExtensions.TryParseAppliesTo(appliesToText, out var appliesTo) && appliesToText.Length > 0)
        {
            r.Problem($"'appliesTo' must be \"isms\" or \"isms-p\", not \"{appliesToText}\"");
        }

        // Domain 3 (personal information) is ISMS-P only; domains 1 and 2 are in both certifications.
        // Legacy K-ISMS has no personal-information domain: every item is ISMS.
        var expectedAppliesTo = domainId == "3" && !edition.IsLegacy ? AppliesTo.IsmsP : AppliesTo.Isms;
        if (appliesToText.Length > 0 && appliesTo != expectedAppliesTo)
        {
            r.Problem($"'appliesTo' must be \"{expectedAppliesTo.ToWire()}\" for a control of domain {domainId}");
        }

        var criterion = r.Localized("criterion", required: fullTexts);
        var checkItems = ReadCheckItems(r, id, required: fullTexts);
        var evidence = r.Array("evidence", required: fullTexts).Select(ev => ReadPair(ev)).ToArray();
        if (fullTexts && evidence.Length == 0)
        {
            r.Problem("'evidence' needs at least one entry");
        }

        var laws = new List<LawReference>();
        foreach (var l in r.Array("laws", required: fullTexts))
        {
            var code = l.RequiredString("code");
            // No article = the whole instrument (a notice or guideline the guide cites as a whole).
            var article = l.OptionalString("article")?.Trim();
            if (code.Length > 0 && !statutes.ContainsKey(code))
            {
                l.Problem($"law code '{code}' is not in laws.json");
                continue;
            }

            if (article is not null && !CatalogLoader.IsArticle(article))
            {
                l.Problem($"article '{article}' of {code} must look like 29 or 24-2 (or be left out for the whole instrument)");
                continue;
            }

            var paragraph = l.OptionalInt("paragraph");
            var ownPin = l.OptionalBool("ownPin") ?? false;
            if (article is null && (paragraph is not null || ownPin))
            {
                l.Problem($"a reference to the whole of {code} has no 'paragraph' or 'ownPin'");
                continue;
            }

            if (code.Length > 0)
            {
                laws.Add(new LawReference(statutes[code], article, paragraph, ownPin));
            }
        }

        if (edition.IsLegacy && string.IsNullOrWhiteSpace(r.OptionalString("source")))
        {
            r.Problem("a legacy item needs its 'source' (where the id and title were checked)");
        }

        var declaredCount = r.OptionalInt("checkItemCount");
        if (declaredCount is { } dc && checkItems.Count > 0 && dc != checkItems.Count)
        {
            r.Problem($"'checkItemCount' is {dc} but {checkItems.Count} check items are listed");
        }

        return new Control
        {
            Edition = edition,
            Id = id,
            DomainId = domainId,
            SubdomainId = subdomainId,
            Title = title,
            AppliesTo = appliesTo,
            Criterion = criterion,
            CheckItems = checkItems,
            Evidence = evidence,
            Laws = laws,
            MapsTo = r.StringArray("mapsTo"),
            CheckItemCount = checkItems.Count > 0 ? checkItems.Count : declaredCount ?? 0,
            Confidence = r.OptionalString("confidence"),
            Source = r.OptionalString("source"),
        };
    }

    private static List<CheckItem> ReadCheckItems(JsonNodeReader r, string controlId, bool required)
    {
        var items = new List<CheckItem>();
        foreach (var ci in r.Array("checkItems", required))
        {
            var n = items.Count + 1;
            var ciId = ci.RequiredString("id");
            var cr = ci.WithId(ciId.Length > 0 ? ciId : $"{controlId}-{n}");
            if (ciId != $"{controlId}-{n}")
            {
                cr.Problem($"check item id must be {controlId}-{n} (numbered in order)");
            }

            items.Add(new CheckItem(ciId, n, ReadPair(cr), cr.OptionalString("basedOn")?.Trim()));
        }

        if (required && items.Count == 0)
        {
            r.Problem("'checkItems' needs at least one entry");
        }

        return items;
    }

    private static LocalizedText ReadPair(JsonNodeReader r)
    {
        if (r.Element.ValueKind != JsonValueKind.Object)
        {
            r.Problem("entry must be an object with ko and en");
            return LocalizedText.Empty;
        }

        return new LocalizedText(r.RequiredString("ko"), r.RequiredString("en"));
    }
}
