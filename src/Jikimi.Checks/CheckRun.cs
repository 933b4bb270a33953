namespace Jikimi.Checks;

/// <summary>Result statuses (stable strings: they are written to JSON, CSV, OCSF and SARIF and stored by the API).</summary>
public static class CheckStatus
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string Error = "error";
    public const string NotApplicable = "not_applicable";
    public const string Manual = "manual";

    public static readonly IReadOnlyList<string> All = [Pass, Fail, Error, NotApplicable, Manual];
}

/// <summary>Severities, most severe first (stable strings).</summary>
public static class CheckSeverity
{
    public const string Critical = "critical";
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";
    public const string Info = "info";

    public static readonly IReadOnlyList<string> All = [Critical, High, Medium, Low, Info];

    /// <summary>4 for critical … 0 for info; -1 for anything else.</summary>
    public static int Rank(string severity) => severity switch
    {
        Critical => 4,
        High => 3,
        Medium => 2,
        Low => 1,
        Info => 0,
        _ => -1,
    };
}

/// <summary>One ISMS-P 2023 control a result evidences, with the check-item numbers (1-based) it speaks to.</summary>
public sealed record ControlMapping(string ControlId, IReadOnlyList<int> CheckItems);

/// <summary>One input file of a run: its name (no directory) and the SHA-256 of its bytes, lower-case hex.</summary>
public sealed record CheckInput(string FileName, string Sha256);

/// <summary>One rule evaluated on one resource. <see cref="Detail"/> carries only the values the rule names, never
/// secrets or personal data.</summary>
public sealed record CheckResult(
    string RuleId,
    string TitleKo,
    string TitleEn,
    string Severity,
    string ResourceType,
    string ResourceId,
    string Status,
    string Detail,
    IReadOnlyList<ControlMapping> Controls);

/// <summary>A whole run: the contract between the engine, `jikimi checks run --format json` and the API
/// (docs/checks.md). Keep this shape stable.</summary>
public sealed record CheckRun(string RuleSetVersion, IReadOnlyList<CheckInput> Inputs, IReadOnlyList<CheckResult> Results);
