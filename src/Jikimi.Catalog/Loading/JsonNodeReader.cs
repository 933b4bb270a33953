using System.Text.Json;
using Jikimi.Catalog.Model;

namespace Jikimi.Catalog.Loading;

/// <summary>Reads fields of one JSON element, recording a problem (file, id, field) instead of throwing.</summary>
internal readonly struct JsonNodeReader(JsonElement element, string file, string? id, List<CatalogProblem> problems)
{
    public JsonElement Element => element;

    public JsonNodeReader WithId(string? newId) => new(element, file, newId, problems);

    public void Problem(string message) => problems.Add(new CatalogProblem(file, id, message));

    public string? OptionalString(string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            Problem($"'{name}' must be a string");
            return null;
        }

        return v.GetString();
    }

    public string RequiredString(string name)
    {
        var s = OptionalString(name);
        if (string.IsNullOrWhiteSpace(s))
        {
            Problem($"'{name}' is missing or empty");
            return string.Empty;
        }

        if (s != s.Trim())
        {
            Problem($"'{name}' has leading or trailing white space");
        }

        return s.Trim();
    }

    public bool? OptionalBool(string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Problem($"'{name}' must be true or false");
            return null;
        }

        return v.GetBoolean();
    }

    public int? OptionalInt(string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var i))
        {
            Problem($"'{name}' must be a whole number");
            return null;
        }

        return i;
    }

    public int RequiredInt(string name)
    {
        var i = OptionalInt(name);
        if (i is null)
        {
            Problem($"'{name}' is missing");
        }

        return i ?? 0;
    }

    /// <summary>A bilingual text given as two fields, e.g. titleKo and titleEn.</summary>
    public LocalizedText RequiredPair(string koName, string enName) =>
        new(RequiredString(koName), RequiredString(enName));

    /// <summary>A bilingual text given as an object { "ko": …, "en": … }.</summary>
    public LocalizedText? Localized(string name, bool required)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Problem($"'{name}' is missing (needs ko and en)");
            }

            return null;
        }

        var inner = new JsonNodeReader(v, file, id, problems);
        if (v.ValueKind != JsonValueKind.Object)
        {
            inner.Problem($"'{name}' must be an object with ko and en");
            return null;
        }

        var ko = inner.OptionalString("ko")?.Trim() ?? string.Empty;
        var en = inner.OptionalString("en")?.Trim() ?? string.Empty;
        if (!required && ko.Length == 0 && en.Length == 0)
        {
            return LocalizedText.Empty;
        }

        if (ko.Length == 0)
        {
            Problem($"'{name}' has no Korean text (ko)");
        }

        if (en.Length == 0)
        {
            Problem($"'{name}' has no English text (en)");
        }

        return new LocalizedText(ko, en);
    }

    public IEnumerable<JsonNodeReader> Array(string name, bool required)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Problem($"'{name}' is missing");
            }

            yield break;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            Problem($"'{name}' must be an array");
            yield break;
        }

        foreach (var item in v.EnumerateArray())
        {
            yield return new JsonNodeReader(item, file, id, problems);
        }
    }

    public IReadOnlyList<string> StringArray(string name)
    {
        var list = new List<string>();
        foreach (var item in Array(name, required: false))
        {
            if (item.Element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.Element.GetString()))
            {
                list.Add(item.Element.GetString()!.Trim());
            }
            else
            {
                Problem($"'{name}' must hold non-empty strings");
            }
        }

        return list;
    }
}
