using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

/// <summary>
/// The bench rules' conditions as one jq program with Jikimi's semantics (ADR 0044): a missing value makes a
/// comparison false (ne, not_in, empty true), a value of the wrong kind makes that rule's result "error". The
/// program counts statuses over <c>.data[]</c> so both sides print the same totals.
/// </summary>
internal static partial class JqTranslation
{
    private static readonly HashSet<string> Ops = ["eq", "ne", "in", "not_in", "contains", "not_contains", "contains_any", "exists", "absent", "empty", "not_empty", "starts_with", "gt", "gte", "lt", "lte"];

    [GeneratedRegex(@"^[A-Za-z0-9_@:-]+(\.[A-Za-z0-9_@:-]+)*$")]
    private static partial Regex SimplePath();

    public static bool CanTranslate(JsonObject rule) => Ok(rule["condition"]) && (rule["applies"] is null || Ok(rule["applies"]));

    private static bool Ok(JsonNode? c)
    {
        if (c is not JsonObject o)
        {
            return false;
        }

        if (o["all"] is JsonArray all)
        {
            return all.All(Ok);
        }

        if (o["any"] is JsonArray any)
        {
            return any.All(Ok);
        }

        if (o["not"] is { } not)
        {
            return Ok(not);
        }

        foreach (var q in new[] { "some", "none", "each" })
        {
            if (o[q] is { } p)
            {
                return SimplePath().IsMatch(p.GetValue<string>()) && (o["where"] is null || Ok(o["where"]));
            }
        }

        if (o["count"] is { } cp)
        {
            return SimplePath().IsMatch(cp.GetValue<string>()) && o["op"]?.GetValue<string>() is "eq" or "ne" or "gt" or "gte" or "lt" or "lte" && o["param"] is null;
        }

        return o["path"] is { } path && SimplePath().IsMatch(path.GetValue<string>()) && Ops.Contains(o["op"]!.GetValue<string>()) && o["param"] is null;
    }

    public static string Program(IReadOnlyList<JsonObject> rules)
    {
        var sb = new StringBuilder();
        sb.AppendLine("def v(p): p as $x | if $x == null then null else $x end;");
        sb.AppendLine("def arr(p): (p) as $a | if $a == null then [] elif ($a|type) == \"array\" then $a else error(\"not an array\") end;");
        sb.AppendLine("def num: if type == \"number\" then . elif type == \"string\" then tonumber else error(\"not a number\") end;");
        sb.AppendLine("def isempty: . == null or ((type == \"string\" or type == \"array\" or type == \"object\") and length == 0);");
        sb.AppendLine("def has_item($o): if type == \"array\" then any(.[]; . == $o) elif type == \"string\" then ($o | if type == \"string\" then . else error(\"not a string\") end) as $s | contains($s) else error(\"contains needs an array or a string\") end;");
        sb.AppendLine("def status(a; c): try (if a then (if c then \"pass\" else \"fail\" end) else \"not_applicable\" end) catch \"error\";");
        sb.Append("reduce (.data[] | (.type | ascii_downcase) as $t | ");
        var byType = rules.GroupBy(r => r["resourceType"]!.GetValue<string>()["azure.".Length..]).ToList();
        sb.AppendJoin(", ", byType.Select(g =>
            $"(if $t == {Lit(g.Key)} then ({string.Join(", ", g.Select(r => $"status({(r["applies"] is { } a ? Cond(a) : "true")}; {Cond(r["condition"]!)})"))}) else empty end)"));
        sb.AppendLine(") as $s ({}; .[$s] += 1)");
        return sb.ToString();
    }

    private static string Path(string p) => string.Concat(p.Split('.').Select(s => $"[{Lit(s)}]")).Insert(0, ".");

    private static string Lit(JsonNode? n) => n?.ToJsonString() ?? "null";

    private static string Lit(string s) => JsonValue.Create(s).ToJsonString();

    private static string Cond(JsonNode c)
    {
        var o = c.AsObject();
        if (o["all"] is JsonArray all)
        {
            return "(" + string.Join(" and ", all.Select(x => Cond(x!))) + ")";
        }

        if (o["any"] is JsonArray any)
        {
            return "(" + string.Join(" or ", any.Select(x => Cond(x!))) + ")";
        }

        if (o["not"] is { } not)
        {
            return $"({Cond(not)} | not)";
        }

        var where = o["where"] is { } w ? Cond(w) : "true";
        if (o["some"] is { } some)
        {
            return $"any(arr({Path(some.GetValue<string>())})[]; {where})";
        }

        if (o["none"] is { } none)
        {
            return $"(any(arr({Path(none.GetValue<string>())})[]; {where}) | not)";
        }

        if (o["each"] is { } each)
        {
            return $"all(arr({Path(each.GetValue<string>())})[]; {where})";
        }

        if (o["count"] is { } count)
        {
            return $"(([arr({Path(count.GetValue<string>())})[] | select({where})] | length) {Compare(o["op"]!.GetValue<string>())} {Lit(o["value"])})";
        }

        var v = $"v({Path(o["path"]!.GetValue<string>())})";
        var x = Lit(o["value"]);
        return o["op"]!.GetValue<string>() switch
        {
            "exists" => $"({v} != null)",
            "absent" => $"({v} == null)",
            "empty" => $"({v} | isempty)",
            "not_empty" => $"({v} | isempty | not)",
            "eq" => $"({v} as $v | if $v == null then {x} == null else $v == {x} end)",
            "ne" => $"({v} as $v | if $v == null then {x} != null else $v != {x} end)",
            "in" => $"({v} as $v | $v != null and any({x}[]; . == $v))",
            "not_in" => $"({v} as $v | $v == null or (any({x}[]; . == $v) | not))",
            "contains" => $"({v} as $v | $v != null and ($v | has_item({x})))",
            "not_contains" => $"({v} as $v | $v == null or ($v | has_item({x}) | not))",
            "contains_any" => $"({v} as $v | $v != null and any({x}[] as $o | $v | has_item($o); .))",
            "starts_with" => $"({v} as $v | $v != null and ($v | if type == \"string\" then startswith({x}) else error(\"not a string\") end))",
            var op => $"({v} as $v | $v != null and (($v | num) {Compare(op)} ({x} | num)))",
        };
    }

    private static string Compare(string op) => op switch
    {
        "eq" => "==",
        "ne" => "!=",
        "gt" => ">",
        "gte" => ">=",
        "lt" => "<",
        _ => "<=",
    };
}
