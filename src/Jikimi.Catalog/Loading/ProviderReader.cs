using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jikimi.Catalog.Model;

namespace Jikimi.Catalog.Loading;

/// <summary>Reads <c>providers/providers.json</c>: unique keys, known certificate kinds, no invented facts (a date is given with its pair or not at all).</summary>
internal static partial class ProviderReader
{
    /// <summary>The certificate kinds a provider attestation may be (wire names).</summary>
    public static readonly IReadOnlyList<string> Kinds = ["isms", "isms-p", "csap", "iso27001", "iso27017", "iso27018", "iso27701", "soc2"];

    public static IReadOnlyList<ShippedProvider>? Read(string path, JsonElement root, List<CatalogProblem> problems)
    {
        var before = problems.Count;
        var r = new JsonNodeReader(root, path, null, problems);
        r.Localized("basis", required: true);
        var result = new List<ShippedProvider>();
        foreach (var p in r.Array("providers", required: true))
        {
            var key = p.RequiredString("key");
            var pr = p.WithId(key);
            if (key.Length > 0 && !KeyPattern().IsMatch(key))
            {
                pr.Problem("'key' must be lower-case letters, digits and dashes");
            }

            var name = pr.RequiredPair("nameKo", "nameEn");
            var regions = pr.StringArray("regions");
            var attestations = new List<ShippedAttestation>();
            foreach (var a in pr.Array("attestations", required: true))
            {
                var kind = a.RequiredString("kind");
                if (!Kinds.Contains(kind))
                {
                    a.Problem($"attestation kind '{kind}' must be one of {string.Join(", ", Kinds)}");
                }

                var issued = Date(a, "issuedOn");
                var expires = Date(a, "expiresOn");
                if (issued is { } i && expires is { } e && e < i)
                {
                    a.Problem($"attestation '{kind}' expires ({e:yyyy-MM-dd}) before it is issued ({i:yyyy-MM-dd})");
                }

                attestations.Add(new ShippedAttestation(
                    kind,
                    a.OptionalString("number"),
                    a.OptionalString("scopeServices"),
                    a.OptionalString("scopeRegions"),
                    a.OptionalInt("controlsCovered"),
                    issued,
                    expires,
                    a.Localized("source", required: true) ?? LocalizedText.Empty));
            }

            if (result.Any(x => x.Key == key))
            {
                pr.Problem("provider key appears twice");
            }

            result.Add(new ShippedProvider(key, name, regions, attestations));
        }

        return problems.Count > before ? null : result;
    }

    private static DateOnly? Date(JsonNodeReader r, string name)
    {
        var s = r.OptionalString(name);
        if (s is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        r.Problem($"'{name}' must be a date as yyyy-MM-dd");
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex KeyPattern();
}
