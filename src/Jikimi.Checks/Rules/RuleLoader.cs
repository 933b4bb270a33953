using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jikimi.Checks.Conditions;

namespace Jikimi.Checks.Rules;

/// <summary>Reads rule files: the built-in set embedded from <c>rules/</c> and, optionally, a user directory
/// (<c>--rules DIR</c>). A broken file is refused with its file and line; nothing half-loaded is returned.</summary>
public static partial class RuleLoader
{
    /// <summary>Rule files larger than this are refused (a rule is a few kilobytes).</summary>
    public const int MaxRuleFileBytes = 256 * 1024;

    [GeneratedRegex("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^U-[0-9]{2}$")]
    private static partial Regex KisaPattern();

    [GeneratedRegex("^[1-3](\\.[0-9]{1,2}){2}$")]
    private static partial Regex ControlPattern();

    [GeneratedRegex("^[a-z0-9]+(\\.[a-zA-Z0-9_/:-]+)+$")]
    private static partial Regex ResourceTypePattern();

    private static readonly Lazy<RuleSet> BuiltinRules = new(() => Load(includeBuiltin: true, userDirectory: null));

    /// <summary>The embedded rule set (cached).</summary>
    public static RuleSet Builtin => BuiltinRules.Value;

    /// <summary>The built-in rules plus every <c>*.json</c> under <paramref name="userDirectory"/> (recursively).
    /// A user rule may not reuse a built-in id.</summary>
    public static RuleSet Load(bool includeBuiltin, string? userDirectory)
    {
        var files = new List<(string Name, byte[] Bytes)>();
        if (includeBuiltin)
        {
            var asm = typeof(RuleLoader).Assembly;
            foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                using var s = asm.GetManifestResourceStream(name)!;
                using var ms = new MemoryStream();
                s.CopyTo(ms);
                files.Add(("builtin:" + name, ms.ToArray()));
            }
        }

        if (userDirectory is not null)
        {
            if (!Directory.Exists(userDirectory))
            {
                throw new RuleFileException(userDirectory, 0, "rule directory not found");
            }

            foreach (var path in Directory.EnumerateFiles(userDirectory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(path);
                if (info.Length > MaxRuleFileBytes)
                {
                    throw new RuleFileException(path, 0, $"rule file is {info.Length} bytes; the limit is {MaxRuleFileBytes}");
                }

                files.Add((path, File.ReadAllBytes(path)));
            }
        }

        var rules = new List<Rule>();
        var byId = new Dictionary<string, Rule>(StringComparer.Ordinal);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in files)
        {
            var rule = Parse(name, bytes);
            if (byId.TryGetValue(rule.Id, out var other))
            {
                throw new RuleFileException(name, 1, $"rule id {rule.Id} is already defined in {other.Source}");
            }

            byId[rule.Id] = rule;
            rules.Add(rule);
            sha.AppendData(bytes);
        }

        var hash = Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
        var version = $"jikimi-rules-{(userDirectory is null ? "builtin" : includeBuiltin ? "builtin+custom" : "custom")}-{rules.Count}-{hash}";
        return new RuleSet(version, rules);
    }

    /// <summary>Parses one rule file; <paramref name="name"/> is used in error messages.</summary>
    public static Rule Parse(string name, byte[] bytes)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new RuleFileException(name, (int)(ex.LineNumber ?? -1) + 1, "not valid JSON: " + FirstSentence(ex.Message));
        }

        using (doc)
        {
            var lines = JsonLines.Map(bytes);
            RuleFileException Fail(string pointer, string problem) => new(name, JsonLines.LineOf(lines, pointer), problem);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Fail("", "a rule file holds one JSON object");
            }

            var known = new HashSet<string> { "id", "title", "rationale", "severity", "resourceType", "controls", "kisa", "parameters", "applies", "condition", "manual", "detail", "remediation", "fixtures", "$schema" };
            foreach (var p in root.EnumerateObject())
            {
                if (!known.Contains(p.Name))
                {
                    throw Fail("/" + p.Name, $"unknown field '{p.Name}'");
                }
            }

            string Str(JsonElement parent, string field, string pointer)
            {
                if (!parent.TryGetProperty(field, out var v) || v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
                {
                    throw Fail(pointer, $"'{pointer.TrimStart('/')}' must be a non-empty string");
                }

                return v.GetString()!;
            }

            (string Ko, string En) Text(string field)
            {
                if (!root.TryGetProperty(field, out var t) || t.ValueKind != JsonValueKind.Object)
                {
                    throw Fail("/" + field, $"'{field}' must be an object with 'ko' and 'en'");
                }

                return (Str(t, "ko", $"/{field}/ko"), Str(t, "en", $"/{field}/en"));
            }

            var id = Str(root, "id", "/id");
            if (!IdPattern().IsMatch(id))
            {
                throw Fail("/id", $"rule id '{id}' must look like JK-AWS-IAM-001 (upper-case parts joined by '-')");
            }

            var title = Text("title");
            var rationale = Text("rationale");
            var remediation = Text("remediation");
            var severity = Str(root, "severity", "/severity");
            if (CheckSeverity.Rank(severity) < 0)
            {
                throw Fail("/severity", $"severity '{severity}' is not one of {string.Join(", ", CheckSeverity.All)}");
            }

            var resourceType = Str(root, "resourceType", "/resourceType");
            if (!ResourceTypePattern().IsMatch(resourceType))
            {
                throw Fail("/resourceType", $"resource type '{resourceType}' must look like aws.iam.password_policy");
            }

            string? kisa = null;
            if (root.TryGetProperty("kisa", out var k))
            {
                kisa = k.ValueKind == JsonValueKind.String ? k.GetString() : null;
                if (kisa is null || !KisaPattern().IsMatch(kisa))
                {
                    throw Fail("/kisa", "'kisa' must be a KISA Unix item number such as U-01");
                }
            }

            var controls = new List<RuleControl>();
            if (!root.TryGetProperty("controls", out var cs) || cs.ValueKind != JsonValueKind.Array || cs.GetArrayLength() == 0)
            {
                throw Fail("/controls", "'controls' must list at least one ISMS-P control");
            }

            var ci = 0;
            foreach (var c in cs.EnumerateArray())
            {
                var ptr = $"/controls/{ci++}";
                if (c.ValueKind != JsonValueKind.Object)
                {
                    throw Fail(ptr, "a control mapping is an object");
                }

                var cid = Str(c, "id", ptr + "/id");
                if (!ControlPattern().IsMatch(cid))
                {
                    throw Fail(ptr + "/id", $"'{cid}' is not an ISMS-P control id such as 2.5.4");
                }

                if (!c.TryGetProperty("checkItems", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0
                    || items.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.Number || !x.TryGetInt32(out var n) || n < 1))
                {
                    throw Fail(ptr + "/checkItems", "'checkItems' must list check-item numbers (1, 2, …)");
                }

                controls.Add(new RuleControl(cid, items.EnumerateArray().Select(x => x.GetInt32()).ToArray(), Str(c, "reason", ptr + "/reason")));
            }

            var parameters = new List<RuleParameter>();
            if (root.TryGetProperty("parameters", out var ps))
            {
                if (ps.ValueKind != JsonValueKind.Object)
                {
                    throw Fail("/parameters", "'parameters' must be an object");
                }

                foreach (var p in ps.EnumerateObject())
                {
                    var ptr = "/parameters/" + p.Name;
                    if (p.Value.ValueKind != JsonValueKind.Object || !p.Value.TryGetProperty("default", out var def))
                    {
                        throw Fail(ptr, $"parameter '{p.Name}' needs a 'default'");
                    }

                    JsonElement? strict = p.Value.TryGetProperty("strictest", out var s) ? s.Clone() : null;
                    JsonElement? loose = p.Value.TryGetProperty("loosest", out var l) ? l.Clone() : null;
                    if ((strict is not null || loose is not null) && (strict?.ValueKind != JsonValueKind.Number || loose?.ValueKind != JsonValueKind.Number || def.ValueKind != JsonValueKind.Number))
                    {
                        throw Fail(ptr, $"parameter '{p.Name}': 'strictest' and 'loosest' go together and, with 'default', must be numbers");
                    }

                    var param = new RuleParameter(p.Name, def.Clone(), strict, loose, Str(p.Value, "description", ptr + "/description"));
                    if (param.Validate(param.Default) is { } why)
                    {
                        throw Fail(ptr + "/default", "the default is not allowed: " + why);
                    }

                    parameters.Add(param);
                }
            }

            Condition Cond(string field)
            {
                try
                {
                    return ConditionParser.Parse(root.GetProperty(field), "/" + field);
                }
                catch (ConditionSyntaxException ex)
                {
                    throw Fail(ex.Pointer, ex.Message);
                }
            }

            var manual = root.TryGetProperty("manual", out var m) && m.ValueKind == JsonValueKind.True;
            Condition? condition = null;
            if (root.TryGetProperty("condition", out _))
            {
                condition = Cond("condition");
            }
            else if (!manual)
            {
                throw Fail("", "a rule needs a 'condition' (or \"manual\": true for an item a person must decide)");
            }

            var applies = root.TryGetProperty("applies", out _) ? Cond("applies") : null;
            var declared = parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var used in (condition?.ParameterNames() ?? []).Concat(applies?.ParameterNames() ?? []))
            {
                if (!declared.Contains(used))
                {
                    throw Fail("/condition", $"the condition uses parameter '{used}', which 'parameters' does not declare");
                }
            }

            var detail = new List<FieldPath>();
            if (root.TryGetProperty("detail", out var d))
            {
                var di = 0;
                foreach (var e in d.ValueKind == JsonValueKind.Array ? d.EnumerateArray() : throw Fail("/detail", "'detail' must be an array of paths"))
                {
                    var path = e.ValueKind == JsonValueKind.String ? FieldPath.TryParse(e.GetString()!, out _) : null;
                    detail.Add(path ?? throw Fail($"/detail/{di}", "not a valid path"));
                    di++;
                }
            }

            if (!root.TryGetProperty("fixtures", out var fx) || fx.ValueKind != JsonValueKind.Object)
            {
                throw Fail("/fixtures", "'fixtures' must hold 'pass' and 'fail' resource lists");
            }

            IReadOnlyList<JsonElement> Fixtures(string kind, bool required)
            {
                if (!fx.TryGetProperty(kind, out var list))
                {
                    return required ? throw Fail("/fixtures", $"'fixtures.{kind}' must list at least one resource") : [];
                }

                if (list.ValueKind != JsonValueKind.Array || (required && list.GetArrayLength() == 0) || list.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.Object))
                {
                    throw Fail("/fixtures/" + kind, $"'fixtures.{kind}' must be a non-empty array of resource objects");
                }

                return list.EnumerateArray().Select(x => x.Clone()).ToArray();
            }

            var rule = new Rule
            {
                Id = id,
                TitleKo = title.Ko,
                TitleEn = title.En,
                RationaleKo = rationale.Ko,
                RationaleEn = rationale.En,
                Severity = severity,
                ResourceType = resourceType,
                Controls = controls,
                Kisa = kisa,
                Parameters = parameters,
                Applies = applies,
                Condition = condition,
                Manual = manual,
                Detail = detail,
                RemediationKo = remediation.Ko,
                RemediationEn = remediation.En,
                PassFixtures = Fixtures("pass", !manual),
                FailFixtures = Fixtures("fail", !manual),
                NotApplicableFixtures = Fixtures("notApplicable", false),
                ManualFixtures = Fixtures("manual", manual),
                Source = name,
            };
            rule.Mappings = controls.Select(c => new ControlMapping(c.ControlId, c.CheckItems)).ToArray();
            return rule;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
