using System.Text.Json;

namespace Jikimi.Checks.Rules;

/// <summary>A loaded, validated set of rules plus the parameter overrides of one run.</summary>
public sealed class RuleSet
{
    private readonly Dictionary<string, List<Rule>> byType;

    public RuleSet(string version, IReadOnlyList<Rule> rules)
    {
        Version = version;
        Rules = rules;
        byType = rules.GroupBy(r => r.ResourceType, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    public string Version { get; }

    public IReadOnlyList<Rule> Rules { get; }

    public IReadOnlyList<Rule> ForType(string resourceType) => byType.TryGetValue(resourceType, out var list) ? list : [];

    public Rule? Find(string id) => Rules.FirstOrDefault(r => r.Id == id);
}

/// <summary>Parameter overrides for one run (<c>--param RULE.name=value</c>).</summary>
public sealed class RuleParameters
{
    private readonly Dictionary<(string Rule, string Name), JsonElement> values = [];

    public static RuleParameters None { get; } = new();

    /// <summary>Parses <c>RULE-ID.name=value</c> (value is JSON, or a bare string); null and an error message
    /// when the text is malformed or names an unknown rule or parameter.</summary>
    public string? Add(RuleSet rules, string text)
    {
        var eq = text.IndexOf('=');
        var dot = eq > 0 ? text.LastIndexOf('.', eq) : -1;
        if (eq < 0 || dot < 0)
        {
            return $"'{text}' is not RULE-ID.parameter=value";
        }

        var ruleId = text[..dot];
        var name = text[(dot + 1)..eq];
        var raw = text[(eq + 1)..];
        var rule = rules.Find(ruleId);
        if (rule is null)
        {
            return $"unknown rule '{ruleId}'";
        }

        if (rule.Parameters.All(p => p.Name != name))
        {
            return $"rule {ruleId} has no parameter '{name}'";
        }

        JsonElement value;
        try
        {
            using var doc = JsonDocument.Parse(raw);
            value = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            value = JsonSerializer.SerializeToElement(raw);
        }

        values[(ruleId, name)] = value;
        return null;
    }

    /// <summary>The effective parameters of <paramref name="rule"/> and, when an override is outside the allowed
    /// range, why the configuration is not valid.</summary>
    public (Dictionary<string, JsonElement> Values, string? Invalid) For(Rule rule)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        string? invalid = null;
        foreach (var p in rule.Parameters)
        {
            if (values.TryGetValue((rule.Id, p.Name), out var v))
            {
                invalid ??= p.Validate(v);
                result[p.Name] = v;
            }
            else
            {
                result[p.Name] = p.Default;
            }
        }

        return (result, invalid);
    }
}
