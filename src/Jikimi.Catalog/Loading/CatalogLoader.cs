using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jikimi.Catalog.Model;

namespace Jikimi.Catalog.Loading;

public sealed record CatalogLoadResult(CriteriaCatalog? Catalog, IReadOnlyList<CatalogProblem> Problems)
{
    public bool IsValid => Catalog is not null && Problems.Count == 0;
}

/// <summary>
/// Loads and validates the catalogs: unique ids, counts per sub-domain as declared, crosswalk targets that
/// exist, both languages present. Every problem names the file, the id and what is wrong.
/// </summary>
public static partial class CatalogLoader
{
    public const string LawsFile = "laws.json";

    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    public static CatalogLoadResult Load(ICatalogFiles files)
    {
        var problems = new List<CatalogProblem>();
        var docs = new Dictionary<string, JsonDocument>(StringComparer.Ordinal);
        foreach (var path in files.List())
        {
            try
            {
                docs[path] = JsonDocument.Parse(files.Read(path), JsonOptions);
            }
            catch (JsonException ex)
            {
                problems.Add(new CatalogProblem(path, null, $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}"));
            }
        }

        try
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            var statutes = ReadStatutes(docs, used, problems);
            var editions = new Dictionary<EditionId, Edition>();
            foreach (var id in EditionId.All)
            {
                var edition = EditionReader.Read(id, docs, used, statutes, problems);
                if (edition is not null)
                {
                    editions[id] = edition;
                }
            }

            CrosswalkReader.CheckMappings(editions, problems);
            var crosswalks = new List<Crosswalk>();
            foreach (var path in docs.Keys.Where(p => p.StartsWith("crosswalks/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                used.Add(path);
                var cw = CrosswalkReader.Read(path, docs[path].RootElement, editions, problems);
                if (cw is not null)
                {
                    crosswalks.Add(cw);
                }
            }

            crosswalks.AddRange(CrosswalkReader.FromMappings(editions));

            var frameworks = new Dictionary<string, ReferenceFramework>(StringComparer.Ordinal);
            foreach (var path in Under(docs, "frameworks/"))
            {
                used.Add(path);
                if (FrameworkReader.ReadFramework(path, docs[path].RootElement, problems) is { } f && !frameworks.TryAdd(f.Id, f))
                {
                    problems.Add(new CatalogProblem(path, f.Id, "framework id appears in two files"));
                }
            }

            var mappings = new List<FrameworkMapping>();
            foreach (var path in Under(docs, "mappings/"))
            {
                used.Add(path);
                if (FrameworkReader.ReadMapping(path, docs[path].RootElement, frameworks, editions, problems) is { } m)
                {
                    mappings.Add(m);
                }
            }

            IReadOnlyList<ShippedProvider> providers = [];
            foreach (var path in Under(docs, "providers/"))
            {
                used.Add(path);
                providers = ProviderReader.Read(path, docs[path].RootElement, problems) ?? [];
            }

            var responsibilities = new List<ResponsibilityMatrix>();
            foreach (var path in Under(docs, "cloud/"))
            {
                used.Add(path);
                if (ResponsibilityReader.Read(path, docs[path].RootElement, editions, problems) is { } m)
                {
                    responsibilities.Add(m);
                }
            }

            var schemes = new Dictionary<string, LegacyScheme>(StringComparer.Ordinal);
            foreach (var path in Under(docs, "k-pims/"))
            {
                used.Add(path);
                if (LegacySchemeReader.Read(path, docs[path].RootElement, problems) is { } scheme && !schemes.TryAdd(scheme.Id, scheme))
                {
                    problems.Add(new CatalogProblem(path, scheme.Id, "scheme id appears in two files"));
                }
            }

            foreach (var stray in docs.Keys.Where(p => !used.Contains(p)))
            {
                problems.Add(new CatalogProblem(stray, null, "is not part of any known catalog (check its folder and name)"));
            }

            var catalog = problems.Count == 0 ? new CriteriaCatalog(editions, statutes, crosswalks)
            {
                Frameworks = frameworks,
                Mappings = mappings,
                Responsibilities = responsibilities,
                Providers = providers,
                LegacySchemes = schemes,
            } : null;
            return new CatalogLoadResult(catalog, problems);
        }
        finally
        {
            foreach (var d in docs.Values)
            {
                d.Dispose();
            }
        }
    }

    private static Dictionary<string, Statute> ReadStatutes(Dictionary<string, JsonDocument> docs, HashSet<string> used, List<CatalogProblem> problems)
    {
        var result = new Dictionary<string, Statute>(StringComparer.Ordinal);
        if (!docs.TryGetValue(LawsFile, out var doc))
        {
            problems.Add(new CatalogProblem(LawsFile, null, "is missing"));
            return result;
        }

        used.Add(LawsFile);
        var root = new JsonNodeReader(doc.RootElement, LawsFile, null, problems);
        foreach (var s in root.Array("statutes", required: true))
        {
            var code = s.RequiredString("code");
            var r = s.WithId(code);
            var name = new LocalizedText(r.RequiredString("ko"), r.RequiredString("en"));
            var asOf = ParseDate(r, "textAsOf");
            var dateSource = r.RequiredString("dateSource");
            if (code.Length > 0 && !result.TryAdd(code, new Statute(code, name, asOf, dateSource)))
            {
                r.Problem("duplicate statute code");
            }
        }

        return result;
    }

    private static IEnumerable<string> Under(Dictionary<string, JsonDocument> docs, string folder) =>
        docs.Keys.Where(p => p.StartsWith(folder, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    internal static bool IsControlId(string id) => ControlIdPattern().IsMatch(id);

    internal static bool IsArticle(string article) => ArticlePattern().IsMatch(article);

    internal static DateOnly ParseDate(JsonNodeReader r, string name)
    {
        var s = r.RequiredString(name);
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        if (s.Length > 0)
        {
            r.Problem($"'{name}' must be a date as yyyy-MM-dd");
        }

        return default;
    }

    [GeneratedRegex(@"^[1-9]\d?\.[1-9]\d?(\.[1-9]\d?)?$")]
    private static partial Regex ControlIdPattern();

    [GeneratedRegex(@"^[1-9]\d{0,2}(-[1-9]\d?)?$")]
    private static partial Regex ArticlePattern();
}
