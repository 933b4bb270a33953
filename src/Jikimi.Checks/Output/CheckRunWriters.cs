using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jikimi.Checks.Output;

/// <summary>Writes a run as JSON (the contract), CSV, a text table, OCSF 1.3 Detection Findings or SARIF 2.1.0
/// (docs/checks.md, "Output formats").</summary>
public static class CheckRunWriters
{
    public static readonly IReadOnlyList<string> Formats = ["table", "json", "csv", "ocsf", "sarif"];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void Write(string format, CheckRun run, TextWriter w, DateTimeOffset now, string toolVersion)
    {
        switch (format)
        {
            case "json":
                w.Write(JsonSerializer.Serialize(run, Json));
                w.WriteLine();
                break;
            case "csv":
                Csv(run, w);
                break;
            case "ocsf":
                w.Write(JsonSerializer.Serialize(Ocsf(run, now, toolVersion), Json));
                w.WriteLine();
                break;
            case "sarif":
                w.Write(JsonSerializer.Serialize(Sarif(run, toolVersion), Json));
                w.WriteLine();
                break;
            default:
                Table(run, w);
                break;
        }
    }

    private static string Controls(CheckResult r) => string.Join(" ", r.Controls.Select(c => $"{c.ControlId}({string.Join(",", c.CheckItems)})"));

    private static void Csv(CheckRun run, TextWriter w)
    {
        CsvHeader(w);
        foreach (var r in run.Results)
        {
            CsvRow(r, w);
        }
    }

    /// <summary>The CSV header; with <see cref="CsvRow"/> the CSV can be written as results stream, none kept.</summary>
    public static void CsvHeader(TextWriter w) => w.WriteLine("rule_id,status,severity,resource_type,resource_id,controls,title_ko,title_en,detail");

    public static void CsvRow(CheckResult r, TextWriter w)
    {
        // The cells are rule data and resource ids; a cell that a spreadsheet would run as a formula is quoted with a
        // leading apostrophe (the same guard as the other CSV outputs).
        static string Cell(string s)
        {
            if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                s = "'" + s;
            }

            return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
        }

        w.WriteLine(string.Join(",", new[] { r.RuleId, r.Status, r.Severity, r.ResourceType, r.ResourceId, Controls(r), r.TitleKo, r.TitleEn, r.Detail }.Select(Cell)));
    }

    private static void Table(CheckRun run, TextWriter w)
    {
        foreach (var r in run.Results.Where(r => r.Status != CheckStatus.Pass && r.Status != CheckStatus.NotApplicable)
                     .OrderByDescending(r => CheckSeverity.Rank(r.Severity)).ThenBy(r => r.RuleId, StringComparer.Ordinal))
        {
            w.WriteLine($"{r.Status.ToUpperInvariant(),-6} {r.Severity,-8} {r.RuleId,-18} {Controls(r),-22} {r.ResourceId}  {r.TitleKo} / {r.TitleEn}{(r.Detail.Length > 0 ? "  [" + r.Detail + "]" : "")}");
        }

        var counts = CheckStatus.All.Select(s => $"{s} {run.Results.Count(r => r.Status == s)}");
        w.WriteLine($"{run.Results.Count} results ({string.Join(", ", counts)}) from {run.Inputs.Count} files; rules {run.RuleSetVersion}");
    }

    private static int OcsfSeverityId(string s) => s switch
    {
        CheckSeverity.Critical => 5,
        CheckSeverity.High => 4,
        CheckSeverity.Medium => 3,
        CheckSeverity.Low => 2,
        _ => 1,
    };

    /// <summary>OCSF Detection Finding (class 2004), one per result, with the ISMS-P ids under
    /// <c>unmapped.compliance</c> as Prowler writes them.</summary>
    public static IReadOnlyList<object> Ocsf(CheckRun run, DateTimeOffset now, string toolVersion) =>
        run.Results.Select(r => (object)new Dictionary<string, object?>
        {
            ["message"] = r.TitleEn,
            ["metadata"] = new Dictionary<string, object?>
            {
                ["event_code"] = r.RuleId,
                ["product"] = new Dictionary<string, object?> { ["name"] = "Jikimi", ["uid"] = "jikimi", ["vendor_name"] = "Jikimi", ["version"] = toolVersion },
                ["version"] = "1.3.0",
            },
            ["severity_id"] = OcsfSeverityId(r.Severity),
            ["severity"] = char.ToUpperInvariant(r.Severity[0]) + r.Severity[1..],
            ["status"] = "New",
            ["status_code"] = r.Status switch { CheckStatus.Pass => "PASS", CheckStatus.Fail => "FAIL", CheckStatus.Manual => "MANUAL", _ => r.Status.ToUpperInvariant() },
            ["status_detail"] = r.Detail,
            ["status_id"] = 1,
            ["unmapped"] = new Dictionary<string, object?>
            {
                ["compliance"] = new Dictionary<string, object?>
                {
                    ["KISA-ISMS-P-2023"] = r.Controls.Select(c => c.ControlId).ToArray(),
                    ["KISA-ISMS-P-2023-check-items"] = r.Controls.SelectMany(c => c.CheckItems.Select(i => $"{c.ControlId}-{i}")).ToArray(),
                },
                ["resource_type"] = r.ResourceType,
                ["rule_set_version"] = run.RuleSetVersion,
            },
            ["activity_name"] = "Create",
            ["activity_id"] = 1,
            ["finding_info"] = new Dictionary<string, object?>
            {
                ["created_time"] = now.ToUnixTimeSeconds(),
                ["created_time_dt"] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["desc"] = r.TitleKo,
                ["product_uid"] = "jikimi",
                ["title"] = r.TitleEn,
                ["uid"] = $"jikimi-{r.RuleId}-{r.ResourceId}",
            },
            ["resources"] = new[] { new Dictionary<string, object?> { ["type"] = r.ResourceType, ["uid"] = r.ResourceId, ["name"] = r.ResourceId } },
            ["category_name"] = "Findings",
            ["category_uid"] = 2,
            ["class_name"] = "Detection Finding",
            ["class_uid"] = 2004,
            ["time"] = now.ToUnixTimeSeconds(),
            ["type_uid"] = 200401,
            ["type_name"] = "Detection Finding: Create",
        }).ToArray();

    /// <summary>SARIF 2.1.0: one rule per rule id, one result per failing, erroring or manual result.</summary>
    public static object Sarif(CheckRun run, string toolVersion)
    {
        var used = run.Results.Where(r => r.Status is CheckStatus.Fail or CheckStatus.Error or CheckStatus.Manual).ToList();
        var ruleIds = used.Select(r => r.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();
        var titles = used.GroupBy(r => r.RuleId).ToDictionary(g => g.Key, g => g.First());
        return new Dictionary<string, object?>
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["tool"] = new Dictionary<string, object?>
                    {
                        ["driver"] = new Dictionary<string, object?>
                        {
                            ["name"] = "jikimi checks",
                            ["version"] = toolVersion,
                            ["rules"] = ruleIds.Select(id => new Dictionary<string, object?>
                            {
                                ["id"] = id,
                                ["name"] = id,
                                ["shortDescription"] = new Dictionary<string, object?> { ["text"] = titles[id].TitleEn },
                                ["fullDescription"] = new Dictionary<string, object?> { ["text"] = titles[id].TitleKo },
                                ["properties"] = new Dictionary<string, object?> { ["isms-p-2023"] = titles[id].Controls.Select(c => c.ControlId).ToArray(), ["severity"] = titles[id].Severity },
                            }).ToArray(),
                        },
                    },
                    ["results"] = used.Select(r => new Dictionary<string, object?>
                    {
                        ["ruleId"] = r.RuleId,
                        ["ruleIndex"] = ruleIds.IndexOf(r.RuleId),
                        ["level"] = r.Status == CheckStatus.Fail ? (CheckSeverity.Rank(r.Severity) >= 3 ? "error" : CheckSeverity.Rank(r.Severity) >= 1 ? "warning" : "note") : "note",
                        ["kind"] = r.Status == CheckStatus.Fail ? "fail" : r.Status == CheckStatus.Manual ? "review" : "open",
                        ["message"] = new Dictionary<string, object?> { ["text"] = $"{r.TitleEn} — {r.ResourceType} {r.ResourceId}{(r.Detail.Length > 0 ? ": " + r.Detail : "")}" },
                        ["locations"] = new[] { new Dictionary<string, object?> { ["logicalLocations"] = new[] { new Dictionary<string, object?> { ["name"] = r.ResourceId, ["kind"] = "resource", ["fullyQualifiedName"] = r.ResourceType + "/" + r.ResourceId } } } },
                    }).ToArray(),
                    ["properties"] = new Dictionary<string, object?> { ["ruleSetVersion"] = run.RuleSetVersion, ["inputs"] = run.Inputs },
                },
            },
        };
    }
}
