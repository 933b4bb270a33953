using System.Globalization;
using System.Text.Json;
using Jikimi.Catalog.Model;
using Jikimi.Input;

namespace Jikimi.Application.Automation.AzurePolicy;

/// <summary>One compliance state as the file gives it: the policy (or Defender assessment), the resource, the state and its groups.</summary>
/// <param name="Status">pass, fail, not_applicable or manual (the wire names of the automated-evidence model).</param>
public sealed record AzurePolicyState(string RuleId, string? Title, string Status, string RawState, string ResourceId, string ResourceType, string Subscription, IReadOnlyList<string> Groups, DateTime? Time, bool OtherInitiative);

/// <summary>
/// Groups that name no 2023 control, with the number of states that carry them (a state may still count for its
/// other groups), per reason: <c>domain-group</c>, <c>not-in-2023</c>; and states that count for nothing:
/// <c>no-group</c> (no group in the file and a policy the map does not know), <c>other-initiative</c> (group: the rule).
/// </summary>
public sealed record AzurePolicyUnmapped(string Reason, string Group, int States)
{
    public const string DomainGroup = "domain-group";
    public const string NotIn2023 = "not-in-2023";
    public const string NoGroup = "no-group";
    public const string OtherInitiative = "other-initiative";

    public string Explain(bool korean) => (Reason, korean) switch
    {
        (DomainGroup, true) => $"{Group}: 통제가 아닌 분야 묶음입니다",
        (DomainGroup, false) => $"{Group}: a sub-domain group, not a control",
        (NotIn2023, true) => $"{Group}: ISMS-P 2023 기준에 없는 항목입니다 (예: 2018 기준의 3.4.3)",
        (NotIn2023, false) => $"{Group}: not a control of the ISMS-P 2023 edition (e.g. the 2018 control 3.4.3)",
        (OtherInitiative, true) => $"{Group}: K ISMS P 2023 이니셔티브가 아닌 정책 할당의 상태입니다",
        (OtherInitiative, false) => $"{Group}: a state of another initiative than K ISMS P 2023",
        (_, true) => "그룹이 없고 매핑 파일에도 없는 정책입니다",
        _ => "no group in the file and the policy is not in the initiative's map",
    };
}

/// <summary>What the file held: every state found, those mapped to 2023 controls (with the controls) and the unmapped ones.</summary>
public sealed record AzurePolicyResultSet(string Format, int Found, IReadOnlyList<(AzurePolicyState State, IReadOnlyList<string> Controls)> Mapped, IReadOnlyList<AzurePolicyUnmapped> UnmappedBy)
{
    public int Unmapped => Found - Mapped.Count;
}

/// <summary>
/// Reads the compliance states of Microsoft's "K ISMS P 2023" initiative: the JSON of <c>az policy state list</c>
/// (an array, or the REST shape <c>{ "value": [...] }</c>; complianceState, policyDefinitionId,
/// policyDefinitionGroupNames, resourceId, timestamp …) or Defender for Cloud's regulatory-compliance export (the
/// JSON of <c>az security regulatory-compliance-controls list</c> / <c>…-assessments list</c>: state Passed, Failed,
/// Skipped, Unsupported; the control named in the id). Strict UTF-8; a problem names its place (<c>$[3].complianceState</c>).
/// </summary>
public static class AzurePolicyReader
{
    public static InputResult<AzurePolicyResultSet> Parse(byte[] bytes, string file, Edition edition, AzurePolicyMap map)
    {
        var text = InputText.Utf8(bytes, file);
        if (text.Error is { } encoding)
        {
            return encoding;
        }

        if (string.IsNullOrWhiteSpace(text.Value))
        {
            return InputError.Empty(file);
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text.Value, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            return InputError.Malformed(new InputPlace(file, (ex.LineNumber ?? 0) + 1), "not valid JSON; expected the output of `az policy state list` or Defender for Cloud's regulatory-compliance export.");
        }

        using (doc)
        {
            var root = doc.RootElement;
            var (items, prefix) = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Array ? (v, "$.value") : (root, "$");
            if (items.ValueKind != JsonValueKind.Array)
            {
                return InputError.Malformed(new InputPlace(file, Path: "$"), "expected a JSON array of compliance states (or { \"value\": [...] }).");
            }

            var states = new List<AzurePolicyState>();
            string? format = null;
            var i = 0;
            foreach (var item in items.EnumerateArray())
            {
                var at = $"{prefix}[{i++}]";
                (AzurePolicyState? State, string? Field, string? Problem) read = item.ValueKind != JsonValueKind.Object ? (null, null, "is not an object.")
                    : item.TryGetProperty("complianceState", out _) ? ReadPolicyState(item, map)
                    : item.TryGetProperty("state", out _) || (item.TryGetProperty("properties", out var pr) && pr.ValueKind == JsonValueKind.Object && pr.TryGetProperty("state", out _)) ? ReadDefender(item)
                    : ((AzurePolicyState?)null, (string?)null, "has neither complianceState (az policy state list) nor state (Defender for Cloud regulatory compliance).");
                if (read.State is null)
                {
                    return InputError.Malformed(new InputPlace(file, Path: at + (read.Field is null ? string.Empty : "." + read.Field)), read.Problem!);
                }

                format ??= item.TryGetProperty("complianceState", out _) ? "policy-states" : "defender";
                states.Add(read.State);
            }

            return states.Count == 0 ? InputError.Empty(file) : Classify(format!, states, edition);
        }
    }

    private static AzurePolicyResultSet Classify(string format, List<AzurePolicyState> states, Edition edition)
    {
        var mapped = new List<(AzurePolicyState, IReadOnlyList<string>)>();
        var unmapped = new Dictionary<(string Reason, string Group), int>();
        void Skip(string reason, string group) => unmapped[(reason, group)] = unmapped.GetValueOrDefault((reason, group)) + 1;
        foreach (var s in states)
        {
            if (s.OtherInitiative || s.Groups.Count == 0)
            {
                Skip(s.OtherInitiative ? AzurePolicyUnmapped.OtherInitiative : AzurePolicyUnmapped.NoGroup, s.OtherInitiative ? s.RuleId : "-");
                continue;
            }

            var controls = new SortedSet<string>(Catalog.Search.ControlIdComparer.Instance);
            foreach (var g in s.Groups)
            {
                var (control, reason) = AzurePolicyMap.Resolve(g, edition);
                if (control is not null)
                {
                    controls.Add(control.Id);
                }
                else
                {
                    Skip(reason!, g);
                }
            }

            if (controls.Count > 0)
            {
                mapped.Add((s, controls.ToList()));
            }
        }

        var by = unmapped.OrderBy(u => u.Key.Reason, StringComparer.Ordinal).ThenBy(u => u.Key.Group, StringComparer.Ordinal)
            .Select(u => new AzurePolicyUnmapped(u.Key.Reason, u.Key.Group, u.Value)).ToList();
        return new AzurePolicyResultSet(format, states.Count, mapped, by);
    }

    private static (AzurePolicyState? State, string? Field, string? Problem) ReadPolicyState(JsonElement e, AzurePolicyMap map)
    {
        var raw = Str(e, "complianceState");
        var status = raw.ToLowerInvariant() switch
        {
            "compliant" => "pass",
            "noncompliant" => "fail",
            "exempt" => "not_applicable",
            "unknown" or "conflict" or "error" or "protected" => "manual",
            _ => null,
        };
        if (status is null)
        {
            return (null, "complianceState", $"'{Cut(raw)}' is not Compliant, NonCompliant, Exempt, Unknown or Conflict.");
        }

        var definitionId = Str(e, "policyDefinitionId");
        var definition = map.Find(definitionId);
        if (definitionId.Length == 0)
        {
            return (null, "policyDefinitionId", "is missing.");
        }

        var set = First(Str(e, "policySetDefinitionName"), AzurePolicyMap.LastSegment(Str(e, "policySetDefinitionId")));
        var other = set.Length > 0 && !set.Equals(map.InitiativeId, StringComparison.OrdinalIgnoreCase);
        var groups = e.TryGetProperty("policyDefinitionGroupNames", out var gn) && gn.ValueKind == JsonValueKind.Array
            ? gn.EnumerateArray().Where(g => g.ValueKind == JsonValueKind.String).Select(g => g.GetString()!).Where(g => g.Length > 0).ToList()
            : [];
        if (groups.Count == 0 && definition is not null)
        {
            groups = [.. definition.Groups];
        }

        var resource = Str(e, "resourceId");
        return (new AzurePolicyState(
            "azure-policy:" + AzurePolicyMap.LastSegment(definitionId),
            definition?.DisplayName,
            status,
            raw,
            resource,
            Str(e, "resourceType"),
            First(Str(e, "subscriptionId"), SubscriptionOf(resource)),
            groups,
            TimeOf(Str(e, "timestamp")),
            other), null, null);
    }

    /// <summary>A regulatory-compliance control or assessment of Defender for Cloud; the control is named in the id (…/regulatoryComplianceControls/2.5.1/…).</summary>
    private static (AzurePolicyState? State, string? Field, string? Problem) ReadDefender(JsonElement e)
    {
        var props = e.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : e;
        var raw = Str(props, "state");
        var status = raw.ToLowerInvariant() switch
        {
            "passed" => "pass",
            "failed" => "fail",
            "skipped" => "not_applicable",
            "unsupported" => "manual",
            _ => null,
        };
        if (status is null)
        {
            return (null, "state", $"'{Cut(raw)}' is not Passed, Failed, Skipped or Unsupported.");
        }

        var id = Str(e, "id");
        var segments = id.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(segments, s => s.Equals("regulatoryComplianceControls", StringComparison.OrdinalIgnoreCase));
        var control = at >= 0 && at + 1 < segments.Length ? segments[at + 1] : Str(e, "name");
        if (control.Length == 0)
        {
            return (null, "id", "names no regulatoryComplianceControls/<control> and there is no name.");
        }

        var assessment = at >= 0 && at + 3 < segments.Length ? segments[at + 3] : null;
        var counts = $"passed {Num(props, "passedResources", "passedAssessments")} · failed {Num(props, "failedResources", "failedAssessments")} · skipped {Num(props, "skippedResources", "skippedAssessments")}";
        return (new AzurePolicyState(
            "defender:" + (assessment ?? control),
            First(Str(props, "description"), Str(e, "description")) is { Length: > 0 } d ? d : null,
            status,
            $"{raw} ({counts})",
            string.Empty,
            string.Empty,
            SubscriptionOf(id),
            [control],
            null,
            false), null, null);
    }

    private static string SubscriptionOf(string resourceId)
    {
        var s = resourceId.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(s, x => x.Equals("subscriptions", StringComparison.OrdinalIgnoreCase));
        return at >= 0 && at + 1 < s.Length ? s[at + 1] : string.Empty;
    }

    private static string Num(JsonElement e, string a, string b) =>
        e.TryGetProperty(a, out var x) && x.ValueKind == JsonValueKind.Number ? x.GetRawText()
        : e.TryGetProperty(b, out var y) && y.ValueKind == JsonValueKind.Number ? y.GetRawText() : "-";

    private static DateTime? TimeOf(string v) =>
        DateTime.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    private static string Cut(string v) => v.Length > 20 ? v[..20] + "…" : v;

    private static string First(string a, string b) => a.Length > 0 ? a : b;

    private static string Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : string.Empty;
}
