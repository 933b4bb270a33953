using System.Text.Json;
using Jikimi.Checks.Conditions;

namespace Jikimi.Checks.Rules;

/// <summary>A rule's claim on one ISMS-P 2023 control: the check items (1-based) and why the rule evidences them.</summary>
public sealed record RuleControl(string ControlId, IReadOnlyList<int> CheckItems, string Reason);

/// <summary>A tunable threshold. A value between <see cref="Strictest"/> and <see cref="Loosest"/> (inclusive, either
/// order) is valid; one looser than the control allows makes the rule fail with "configuration not valid".</summary>
public sealed record RuleParameter(string Name, JsonElement Default, JsonElement? Strictest, JsonElement? Loosest, string Description)
{
    /// <summary>Null when <paramref name="value"/> is allowed; else why not.</summary>
    public string? Validate(JsonElement value)
    {
        if (Strictest is null && Loosest is null)
        {
            return value.ValueKind == Default.ValueKind ? null : $"{Name} must be a {Default.ValueKind}";
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            return $"{Name} must be a number";
        }

        var v = value.GetDouble();
        var s = Strictest?.GetDouble();
        var l = Loosest?.GetDouble();
        if (s is { } a && l is { } b)
        {
            return v >= Math.Min(a, b) && v <= Math.Max(a, b) ? null : $"{Name}={v} is outside the allowed range {a}..{b}";
        }

        return null;
    }
}

/// <summary>One rule file (docs/checks.md, "Rule files").</summary>
public sealed class Rule
{
    public required string Id { get; init; }
    public required string TitleKo { get; init; }
    public required string TitleEn { get; init; }
    public required string RationaleKo { get; init; }
    public required string RationaleEn { get; init; }
    public required string Severity { get; init; }
    public required string ResourceType { get; init; }
    public required IReadOnlyList<RuleControl> Controls { get; init; }
    public string? Kisa { get; init; }
    public required IReadOnlyList<RuleParameter> Parameters { get; init; }
    public Condition? Applies { get; init; }
    public Condition? Condition { get; init; }
    public bool Manual { get; init; }
    public required IReadOnlyList<FieldPath> Detail { get; init; }
    public required string RemediationKo { get; init; }
    public required string RemediationEn { get; init; }
    public required IReadOnlyList<JsonElement> PassFixtures { get; init; }
    public required IReadOnlyList<JsonElement> FailFixtures { get; init; }
    public required IReadOnlyList<JsonElement> NotApplicableFixtures { get; init; }
    public required IReadOnlyList<JsonElement> ManualFixtures { get; init; }

    /// <summary>Where the rule came from ("builtin:rules/aws/…" or a path under --rules).</summary>
    public required string Source { get; init; }

    public IReadOnlyList<ControlMapping> Mappings { get; internal set; } = [];

    /// <summary>The provider prefix of the resource type ("aws", "azure", "entra", "k8s", "host").</summary>
    public string Provider => ResourceType.Split('.')[0];
}
