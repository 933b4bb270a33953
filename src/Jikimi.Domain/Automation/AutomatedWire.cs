namespace Jikimi.Domain.Automation;

/// <summary>The status of one rule on one resource, as every technical source reports it.</summary>
public enum AutomatedStatus
{
    Pass = 0,
    Fail = 1,
    Error = 2,
    NotApplicable = 3,
    Manual = 4,
}

/// <summary>How much a failing rule matters (the order is the order of importance).</summary>
public enum AutomatedSeverity
{
    Info = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}

/// <summary>The technical sources that record runs. Stored as text, so a new source needs no migration.</summary>
public static class AutomatedSources
{
    public const string Prowler = "prowler";
    public const string Checks = "checks";
    public const string PiiScan = "pii_scan";
    public const string AccessRecords = "access_records";
    public const string AzurePolicy = "azure_policy";

    /// <summary>An organization's last K-ISMS assessment results, mapped onto 2023 through the crosswalk (issue 19).</summary>
    public const string Legacy = "legacy";

    public static readonly IReadOnlyList<string> All = [Prowler, Checks, PiiScan, AccessRecords, AzurePolicy, Legacy];

    public static bool IsKnown(string? source) => source is not null && All.Contains(source, StringComparer.Ordinal);
}

/// <summary>Wire names (the JSON of `jikimi checks run --format json`, the API, the UI).</summary>
public static class AutomatedWire
{
    public static string ToWire(this AutomatedStatus s) => s switch
    {
        AutomatedStatus.Fail => "fail",
        AutomatedStatus.Error => "error",
        AutomatedStatus.NotApplicable => "not_applicable",
        AutomatedStatus.Manual => "manual",
        _ => "pass",
    };

    public static string ToWire(this AutomatedSeverity s) => s switch
    {
        AutomatedSeverity.Critical => "critical",
        AutomatedSeverity.High => "high",
        AutomatedSeverity.Medium => "medium",
        AutomatedSeverity.Low => "low",
        _ => "info",
    };

    public static bool TryParseStatus(string? s, out AutomatedStatus status)
    {
        // "not-applicable" and "notapplicable" are accepted too: sources spell it differently.
        var t = s?.Trim().ToLowerInvariant().Replace('-', '_');
        status = t switch
        {
            "pass" or "passed" => AutomatedStatus.Pass,
            "fail" or "failed" => AutomatedStatus.Fail,
            "error" => AutomatedStatus.Error,
            "not_applicable" or "notapplicable" or "n/a" => AutomatedStatus.NotApplicable,
            "manual" => AutomatedStatus.Manual,
            _ => (AutomatedStatus)(-1),
        };
        return Enum.IsDefined(status);
    }

    public static bool TryParseSeverity(string? s, out AutomatedSeverity severity)
    {
        severity = s?.Trim().ToLowerInvariant() switch
        {
            "critical" => AutomatedSeverity.Critical,
            "high" => AutomatedSeverity.High,
            "medium" => AutomatedSeverity.Medium,
            "low" => AutomatedSeverity.Low,
            "info" or "informational" => AutomatedSeverity.Info,
            _ => (AutomatedSeverity)(-1),
        };
        return Enum.IsDefined(severity);
    }
}
