using System.Text.Json;

namespace Jikimi.Checks.Conditions;

/// <summary>A malformed condition: <see cref="Pointer"/> is the JSON pointer of the offending node.</summary>
public sealed class ConditionSyntaxException(string pointer, string message) : Exception(message)
{
    public string Pointer { get; } = pointer;
}

/// <summary>Compiles the JSON form of a condition (docs/checks.md, "Conditions").</summary>
public static class ConditionParser
{
    public static readonly IReadOnlySet<string> ValueOperators = new HashSet<string>
    {
        "eq", "ne", "gt", "gte", "lt", "lte", "in", "not_in", "contains", "not_contains", "contains_any",
        "matches", "not_matches", "starts_with", "older_than_days", "within_days", "perm_max", "bits_all", "covers_port",
    };

    public static readonly IReadOnlySet<string> UnaryOperators = new HashSet<string> { "exists", "absent", "empty", "not_empty" };

    public static Condition Parse(JsonElement node, string pointer)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            throw new ConditionSyntaxException(pointer, "a condition must be an object");
        }

        if (node.TryGetProperty("all", out var all))
        {
            return new AllCondition(Parts(all, pointer + "/all"));
        }

        if (node.TryGetProperty("any", out var any))
        {
            return new AnyCondition(Parts(any, pointer + "/any"));
        }

        if (node.TryGetProperty("not", out var not))
        {
            return new NotCondition(Parse(not, pointer + "/not"));
        }

        foreach (var (key, q) in new[] { ("some", Quantifier.Some), ("none", Quantifier.None), ("each", Quantifier.Each), ("count", Quantifier.Count) })
        {
            if (!node.TryGetProperty(key, out var p))
            {
                continue;
            }

            var path = Path(p, pointer + "/" + key);
            Condition? where = null;
            if (node.TryGetProperty("where", out var w))
            {
                where = Parse(w, pointer + "/where");
            }
            else if (q != Quantifier.Count)
            {
                throw new ConditionSyntaxException(pointer, $"'{key}' needs a 'where' condition");
            }

            Comparison? test = null;
            if (q == Quantifier.Count)
            {
                var op = Op(node, pointer);
                if (op is not ("gt" or "gte" or "lt" or "lte" or "eq" or "ne"))
                {
                    throw new ConditionSyntaxException(pointer + "/op", $"'count' compares with gt, gte, lt, lte, eq or ne, not '{op}'");
                }

                var (lit, par) = Operand(node, pointer, op);
                test = new Comparison(null, op, lit, par);
            }

            return new QuantifiedCondition(q, path, where, test);
        }

        if (node.TryGetProperty("path", out var pathNode))
        {
            var path = Path(pathNode, pointer + "/path");
            var op = Op(node, pointer);
            if (UnaryOperators.Contains(op))
            {
                return new Comparison(path, op, null, null);
            }

            if (!ValueOperators.Contains(op))
            {
                throw new ConditionSyntaxException(pointer + "/op", $"unknown operator '{op}'");
            }

            var (lit, par) = Operand(node, pointer, op);
            return new Comparison(path, op, lit, par);
        }

        throw new ConditionSyntaxException(pointer, "expected one of all, any, not, some, none, each, count or path");
    }

    private static Condition[] Parts(JsonElement array, string pointer)
    {
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            throw new ConditionSyntaxException(pointer, "expected a non-empty array of conditions");
        }

        return array.EnumerateArray().Select((e, i) => Parse(e, $"{pointer}/{i}")).ToArray();
    }

    private static FieldPath Path(JsonElement node, string pointer)
    {
        if (node.ValueKind != JsonValueKind.String)
        {
            throw new ConditionSyntaxException(pointer, "a path must be a string");
        }

        return FieldPath.TryParse(node.GetString()!, out var error) ?? throw new ConditionSyntaxException(pointer, error!);
    }

    private static string Op(JsonElement node, string pointer) =>
        node.TryGetProperty("op", out var op) && op.ValueKind == JsonValueKind.String
            ? op.GetString()!
            : throw new ConditionSyntaxException(pointer, "missing 'op'");

    private static (JsonElement? Literal, string? Param) Operand(JsonElement node, string pointer, string op)
    {
        var hasValue = node.TryGetProperty("value", out var value);
        var hasParam = node.TryGetProperty("param", out var param);
        if (hasValue == hasParam)
        {
            throw new ConditionSyntaxException(pointer, $"operator '{op}' needs exactly one of 'value' or 'param'");
        }

        if (hasParam)
        {
            return param.ValueKind == JsonValueKind.String ? (null, param.GetString()) : throw new ConditionSyntaxException(pointer + "/param", "'param' must name a parameter");
        }

        if (op is "in" or "not_in" or "contains_any" && value.ValueKind != JsonValueKind.Array)
        {
            throw new ConditionSyntaxException(pointer + "/value", $"operator '{op}' needs an array value");
        }

        if (op is "matches" or "not_matches")
        {
            try
            {
                _ = new System.Text.RegularExpressions.Regex(value.GetString() ?? "", System.Text.RegularExpressions.RegexOptions.NonBacktracking);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException)
            {
                throw new ConditionSyntaxException(pointer + "/value", "invalid regular expression: " + ex.Message);
            }
        }

        return (value.Clone(), null);
    }
}
