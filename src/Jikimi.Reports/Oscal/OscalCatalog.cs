using System.Text.Json;
using System.Text.Json.Nodes;
using Jikimi.Catalog.Model;

namespace Jikimi.Reports.Oscal;

/// <summary>
/// An edition of the criteria as an OSCAL 1.0.4 catalog (JSON): domains and sub-domains as groups, each control with
/// its criterion as the statement part and its check items as assessment objectives. Deterministic (name-based
/// UUIDs, the edition's publication date as last-modified), so the same edition exports the same bytes.
/// </summary>
public static class OscalCatalog
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Export(Edition edition, Language lang)
    {
        var groups = new JsonArray();
        foreach (var d in edition.Domains)
        {
            var subgroups = new JsonArray();
            foreach (var s in d.Subdomains)
            {
                var controls = new JsonArray();
                foreach (var c in s.Controls)
                {
                    controls.Add(Control(c, lang));
                }

                subgroups.Add(new JsonObject
                {
                    ["id"] = OscalIds.Group(s.Id),
                    ["class"] = "subdomain",
                    ["title"] = $"{s.Id} {s.Title[lang]}",
                    ["props"] = new JsonArray(Prop("label", s.Id)),
                    ["controls"] = controls,
                });
            }

            groups.Add(new JsonObject
            {
                ["id"] = OscalIds.Group(d.Id),
                ["class"] = "domain",
                ["title"] = $"{d.Id}. {d.Title[lang]}",
                ["props"] = new JsonArray(Prop("label", d.Id)),
                ["groups"] = subgroups,
            });
        }

        var published = edition.Published.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var doc = new JsonObject
        {
            ["catalog"] = new JsonObject
            {
                ["uuid"] = OscalIds.V5($"jikimi:catalog:{edition.Id.Value}:{lang}").ToString(),
                ["metadata"] = new JsonObject
                {
                    ["title"] = edition.Name[lang],
                    ["published"] = OscalIds.Time(published),
                    ["last-modified"] = OscalIds.Time(published),
                    ["version"] = edition.Id.ShortName,
                    ["oscal-version"] = OscalIds.OscalVersion,
                    ["props"] = new JsonArray(Custom("language", lang == Language.Ko ? "ko" : "en"), Custom("edition", edition.Id.Value)),
                    ["remarks"] = lang == Language.Ko
                        ? "Jikimi가 내보낸 인증기준입니다. 항목 요약과 주요 확인사항은 Jikimi의 표현이며, 번호·제목·개수는 고시를 따릅니다."
                        : "Exported by Jikimi. Criterion summaries and check items are in Jikimi's own words; ids, titles and counts follow the official notice.",
                },
                ["groups"] = groups,
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(doc, Json);
    }

    private static JsonObject Control(Control c, Language lang)
    {
        var id = OscalIds.Control(c.Id);
        var parts = new JsonArray();
        if (c.Criterion is { } criterion)
        {
            parts.Add(new JsonObject { ["id"] = id + "_smt", ["name"] = "statement", ["prose"] = criterion[lang] });
        }

        if (c.CheckItems.Count > 0)
        {
            var items = new JsonArray();
            foreach (var item in c.CheckItems)
            {
                items.Add(new JsonObject
                {
                    ["id"] = $"{id}_obj.{item.Number}",
                    ["name"] = "assessment-objective",
                    ["props"] = new JsonArray(Prop("label", item.Id)),
                    ["prose"] = item.Text[lang],
                });
            }

            parts.Add(new JsonObject { ["id"] = id + "_obj", ["name"] = "assessment-objective", ["parts"] = items });
        }

        if (c.Evidence.Count > 0)
        {
            parts.Add(new JsonObject
            {
                ["id"] = id + "_evidence",
                ["name"] = "guidance",
                ["title"] = lang == Language.Ko ? "증적 예시" : "Evidence examples",
                ["prose"] = string.Join("\n", c.Evidence.Select(e => "- " + e[lang])),
            });
        }

        var control = new JsonObject
        {
            ["id"] = id,
            ["class"] = "control",
            ["title"] = c.Title[lang],
            ["props"] = new JsonArray([Prop("label", c.Id), Custom("applies-to", c.AppliesTo.ToWire()), .. IsoMappings(c, lang)]),
        };
        if (parts.Count > 0)
        {
            control["parts"] = parts;
        }

        return control;
    }

    /// <summary>
    /// ISO/IEC 27001/27017/27018 controls mapped to this one (ADR 0048). OSCAL 1.0.4 has no mapping model, so each pair is
    /// a Jikimi-namespaced property: value "framework/control", class the OLIR relation, remarks our rationale.
    /// </summary>
    private static IEnumerable<JsonNode> IsoMappings(Control c, Language lang) =>
        Catalog.CriteriaCatalog.Embedded.MappedTo(c.Ref)
            .OrderBy(x => x.Framework.Id, StringComparer.Ordinal).ThenBy(x => x.Pair.SourceId, StringComparer.Ordinal)
            .Select(x => (JsonNode)new JsonObject
            {
                ["name"] = "iso-mapping",
                ["ns"] = OscalIds.Namespace,
                ["value"] = $"{x.Framework.Id}/{x.Pair.SourceId}",
                ["class"] = x.Pair.Relation.ToString().ToLowerInvariant(),
                ["remarks"] = x.Pair.Rationale[lang],
            });

    internal static JsonObject Prop(string name, string value) => new() { ["name"] = name, ["value"] = value };

    /// <summary>A property outside OSCAL's own names, qualified by Jikimi's namespace.</summary>
    internal static JsonObject Custom(string name, string value) => new() { ["name"] = name, ["ns"] = OscalIds.Namespace, ["value"] = value };
}
