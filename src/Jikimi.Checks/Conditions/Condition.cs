using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Jikimi.Checks.Conditions;

/// <summary>What a condition sees: the resource, the rule's effective parameters and the evaluation time.</summary>
public sealed class EvaluationContext(JsonElement root, IReadOnlyDictionary<string, JsonElement> parameters, DateTimeOffset now)
{
    public JsonElement Root { get; } = root;

    public IReadOnlyDictionary<string, JsonElement> Parameters { get; } = parameters;

    public DateTimeOffset Now { get; } = now;
}

/// <summary>A compiled condition: a tree of <c>all</c>/<c>any</c>/<c>not</c>, quantifiers over arrays
/// (<c>some</c>/<c>none</c>/<c>each</c>/<c>count</c>) and comparisons of one path with a literal or a parameter.
/// Total by construction: no loops except over the resource's own arrays, no code, files, network or clock
/// other than the given evaluation time (docs/adr/0044-condition-language.md).</summary>
public abstract class Condition
{
    /// <summary>True or false for the resource; <see cref="EvaluationException"/> when it cannot decide.</summary>
    public abstract bool Evaluate(JsonElement scope, EvaluationContext ctx);

    /// <summary>Every parameter name the condition uses (the loader checks each is declared).</summary>
    public abstract IEnumerable<string> ParameterNames();
}

internal sealed class AllCondition(Condition[] parts) : Condition
{
    public override bool Evaluate(JsonElement scope, EvaluationContext ctx)
    {
        foreach (var p in parts)
        {
            if (!p.Evaluate(scope, ctx))
            {
                return false;
            }
        }

        return true;
    }

    public override IEnumerable<string> ParameterNames() => parts.SelectMany(p => p.ParameterNames());
}

internal sealed class AnyCondition(Condition[] parts) : Condition
{
    public override bool Evaluate(JsonElement scope, EvaluationContext ctx)
    {
        foreach (var p in parts)
        {
            if (p.Evaluate(scope, ctx))
            {
                return true;
            }
        }

        return false;
    }

    public override IEnumerable<string> ParameterNames() => parts.SelectMany(p => p.ParameterNames());
}

internal sealed class NotCondition(Condition inner) : Condition
{
    public override bool Evaluate(JsonElement scope, EvaluationContext ctx) => !inner.Evaluate(scope, ctx);

    public override IEnumerable<string> ParameterNames() => inner.ParameterNames();
}

internal enum Quantifier { Some, None, Each, Count }

internal sealed class QuantifiedCondition(Quantifier quantifier, FieldPath path, Condition? where, Comparison? countTest) : Condition
{
    public override bool Evaluate(JsonElement scope, EvaluationContext ctx)
    {
        var n = 0;
        if (path.TryResolve(scope, ctx.Root, out var array) && array.ValueKind != JsonValueKind.Null)
        {
            if (array.ValueKind != JsonValueKind.Array)
            {
                throw new EvaluationException($"'{path}' is {array.ValueKind}, not an array");
            }

            foreach (var e in array.EnumerateArray())
            {
                var hit = where is null || where.Evaluate(e, ctx);
                switch (quantifier)
                {
                    case Quantifier.Some when hit:
                        return true;
                    case Quantifier.None when hit:
                        return false;
                    case Quantifier.Each when !hit:
                        return false;
                }

                if (hit)
                {
                    n++;
                }
            }
        }

        return quantifier switch
        {
            Quantifier.Some => false,
            Quantifier.None => true,
            Quantifier.Each => true,
            _ => countTest!.CompareNumber(n, ctx),
        };
    }

    public override IEnumerable<string> ParameterNames() =>
        (where?.ParameterNames() ?? []).Concat(countTest?.ParameterNames() ?? []);
}

/// <summary>One path compared with a literal (<c>value</c>) or a parameter (<c>param</c>).</summary>
internal sealed class Comparison(FieldPath? path, string op, JsonElement? literal, string? param) : Condition
{
    private Regex? regex;

    public override IEnumerable<string> ParameterNames() => param is null ? [] : [param];

    private JsonElement Operand(EvaluationContext ctx)
    {
        if (param is null)
        {
            return literal!.Value;
        }

        return ctx.Parameters.TryGetValue(param, out var v) ? v : throw new EvaluationException($"parameter '{param}' has no value");
    }

    public bool CompareNumber(double actual, EvaluationContext ctx)
    {
        var expected = AsNumber(Operand(ctx), "operand");
        return Ordered(actual, expected);
    }

    private bool Ordered(double a, double b) => op switch
    {
        "gt" => a > b,
        "gte" => a >= b,
        "lt" => a < b,
        "lte" => a <= b,
        "eq" => a == b,
        "ne" => a != b,
        _ => throw new EvaluationException($"operator '{op}' does not compare numbers"),
    };

    public override bool Evaluate(JsonElement scope, EvaluationContext ctx)
    {
        var found = path!.TryResolve(scope, ctx.Root, out var actual);
        var present = found && actual.ValueKind != JsonValueKind.Null;
        switch (op)
        {
            case "exists":
                return present;
            case "absent":
                return !present;
            case "empty":
                return !present || IsEmpty(actual);
            case "not_empty":
                return present && !IsEmpty(actual);
        }

        var operand = Operand(ctx);
        switch (op)
        {
            case "eq":
                return present ? JsonEquals(actual, operand) : operand.ValueKind == JsonValueKind.Null;
            case "ne":
                return present ? !JsonEquals(actual, operand) : operand.ValueKind != JsonValueKind.Null;
            case "in":
                return present && operand.EnumerateArray().Any(o => JsonEquals(actual, o));
            case "not_in":
                return !present || !operand.EnumerateArray().Any(o => JsonEquals(actual, o));
            case "contains":
                return present && Contains(actual, operand);
            case "not_contains":
                return !present || !Contains(actual, operand);
            case "contains_any":
                return present && operand.EnumerateArray().Any(o => Contains(actual, o));
            case "matches":
                return present && MatchRegex(actual, operand);
            case "not_matches":
                return !present || !MatchRegex(actual, operand);
            case "starts_with":
                return present && AsString(actual).StartsWith(AsString(operand), StringComparison.Ordinal);
            case "gt" or "gte" or "lt" or "lte":
                return present && Ordered(AsNumber(actual, path.Text), AsNumber(operand, "operand"));
            case "older_than_days" or "within_days":
                {
                    if (!present || actual.ValueKind != JsonValueKind.String || !TryDate(actual.GetString()!, out var when))
                    {
                        if (present && actual.ValueKind == JsonValueKind.String && !NoDateMarkers.Contains(actual.GetString()!))
                        {
                            throw new EvaluationException($"'{path}' is not a date");
                        }

                        return false;
                    }

                    var days = (ctx.Now - when).TotalDays;
                    var limit = AsNumber(operand, "operand");
                    return op == "older_than_days" ? days > limit : days <= limit;
                }

            case "covers_port":
                return present && CoversPort(actual, AsNumber(operand, "operand"));
            case "perm_max":
                return present && (ParseMode(actual, path.Text) & ~ParseMode(operand, "operand")) == 0;
            case "bits_all":
                {
                    var want = ParseMode(operand, "operand");
                    return present && (ParseMode(actual, path.Text) & want) == want;
                }

            default:
                throw new EvaluationException($"unknown operator '{op}'");
        }
    }

    // Markers the AWS credential report and similar exports use where a date would be.
    private static readonly HashSet<string> NoDateMarkers = ["N/A", "no_information", "not_supported", "", "never"];

    private static bool TryDate(string s, out DateTimeOffset when) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out when);

    private static bool IsEmpty(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!.Length == 0,
        JsonValueKind.Array => e.GetArrayLength() == 0,
        JsonValueKind.Object => !e.EnumerateObject().Any(),
        _ => false,
    };

    private bool MatchRegex(JsonElement actual, JsonElement operand)
    {
        regex ??= new Regex(AsString(operand), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        return actual.ValueKind == JsonValueKind.String ? regex.IsMatch(actual.GetString()!) : throw new EvaluationException($"'{path}' is not a string");
    }

    private static bool Contains(JsonElement actual, JsonElement operand) => actual.ValueKind switch
    {
        JsonValueKind.Array => actual.EnumerateArray().Any(x => JsonEquals(x, operand)),
        JsonValueKind.String => actual.GetString()!.Contains(AsString(operand), StringComparison.Ordinal),
        _ => throw new EvaluationException("contains needs an array or a string"),
    };

    /// <summary>A port specification ("22", "1000-2000", "*"; a number; or an array of them, as NSG rules and
    /// security groups write them) that includes <paramref name="port"/>.</summary>
    private static bool CoversPort(JsonElement actual, double port)
    {
        if (actual.ValueKind == JsonValueKind.Array)
        {
            return actual.EnumerateArray().Any(e => CoversPort(e, port));
        }

        if (actual.ValueKind == JsonValueKind.Number)
        {
            return actual.GetDouble() == port;
        }

        var spec = AsString(actual).Trim();
        if (spec is "*" or "Any" or "any")
        {
            return true;
        }

        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        var (low, high) = dash > 0 ? (spec[..dash], spec[(dash + 1)..]) : (spec, spec);
        if (!int.TryParse(low, NumberStyles.None, CultureInfo.InvariantCulture, out var from) || !int.TryParse(high, NumberStyles.None, CultureInfo.InvariantCulture, out var to))
        {
            throw new EvaluationException($"'{spec}' is not a port, a port range or *");
        }

        return from <= port && port <= to;
    }

    private static string AsString(JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new EvaluationException($"expected a string, found {e.ValueKind}");

    private static double AsNumber(JsonElement e, string what)
    {
        if (e.ValueKind == JsonValueKind.Number)
        {
            return e.GetDouble();
        }

        if (e.ValueKind == JsonValueKind.String && double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        throw new EvaluationException($"'{what}' is {e.ValueKind}, not a number");
    }

    private static int ParseMode(JsonElement e, string what)
    {
        var s = e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new EvaluationException($"'{what}' is not an octal mode string");
        try
        {
            return Convert.ToInt32(s, 8);
        }
        catch (FormatException)
        {
            throw new EvaluationException($"'{what}' is not an octal mode");
        }
    }

    internal static bool JsonEquals(JsonElement a, JsonElement b)
    {
        if (a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number)
        {
            return a.GetDouble() == b.GetDouble();
        }

        if (a.ValueKind is JsonValueKind.True or JsonValueKind.False || b.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return a.ValueKind == b.ValueKind;
        }

        if (a.ValueKind == JsonValueKind.String && b.ValueKind == JsonValueKind.String)
        {
            return a.ValueEquals(b.GetString());
        }

        return a.ValueKind == b.ValueKind && a.ValueKind is JsonValueKind.Null;
    }
}
