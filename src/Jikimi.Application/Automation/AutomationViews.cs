namespace Jikimi.Application.Automation;

/// <summary>
/// A run as a source hands it over: the shape of <c>Jikimi.Checks.CheckRun</c> (ADR 0040), so Prowler, the checks
/// engine, PII scans, access-record inspections and Azure Policy imports all arrive the same way.
/// </summary>
/// <param name="Source">prowler, checks, pii_scan, access_records or azure_policy.</param>
/// <param name="Label">What was checked (an AWS account, a host, a system): runs with the same source and label form a series.</param>
/// <param name="RanAt">When the source ran; null = now.</param>
public sealed record AutomatedRunInput(
    string Source,
    string? Label,
    string? RuleSetVersion,
    DateTime? RanAt,
    IReadOnlyList<AutomatedInputFile> Inputs,
    IReadOnlyList<AutomatedResultInput> Results);

public sealed record AutomatedInputFile(string Name, string Sha256);

/// <param name="Severity">critical, high, medium, low or info.</param>
/// <param name="Status">pass, fail, error, not_applicable or manual.</param>
public sealed record AutomatedResultInput(
    string RuleId,
    string? TitleKo,
    string? TitleEn,
    string? Severity,
    string? ResourceType,
    string? ResourceId,
    string Status,
    string? Detail,
    IReadOnlyList<AutomatedControlInput> Controls);

/// <param name="CheckItems">Numbers of the control's check items (주요 확인사항) the result evidences; empty = the control as a whole.</param>
public sealed record AutomatedControlInput(string ControlId, IReadOnlyList<int>? CheckItems);

/// <summary>The evidence file a run produces, when the source brings its own (Prowler's summary); otherwise Jikimi writes one.</summary>
public sealed record AutomatedEvidenceFile(byte[] Content, string FileName, string Title, string Description);

public sealed record StatusCounts(int Pass, int Fail, int Error, int NotApplicable, int Manual)
{
    public int Total => Pass + Fail + Error + NotApplicable + Manual;
}

public sealed record AutomatedRunView(
    Guid Id,
    Guid AssessmentId,
    string Source,
    string Label,
    string RuleSetVersion,
    IReadOnlyList<AutomatedInputFile> Inputs,
    string Fingerprint,
    DateTime RanAt,
    DateTime RecordedAt,
    string RecordedBy,
    StatusCounts Counts,
    Guid? EvidenceId,
    int? EvidenceVersion);

public sealed record RecordedRunView(AutomatedRunView Run, bool AlreadyRecorded, int Suggestions, IReadOnlyList<string> ControlsLinked, IReadOnlyList<string> NotInAssessment);

public sealed record AutomatedControlRef(string ControlId, IReadOnlyList<int> CheckItems);

public sealed record AutomatedResultView(
    Guid Id,
    string RuleId,
    string TitleKo,
    string TitleEn,
    string Severity,
    string ResourceType,
    string ResourceId,
    string Status,
    string? Detail,
    IReadOnlyList<AutomatedControlRef> Controls);

public sealed record AutomatedRunDetail(AutomatedRunView Run, IReadOnlyList<AutomatedResultView> Results, int TotalResults, bool Truncated);

/// <summary>The latest run of one series on one control: counts, failing resources and when it ran.</summary>
public sealed record ControlSeriesView(string Source, string Label, Guid RunId, DateTime RanAt, StatusCounts Counts, IReadOnlyList<FailingResourceView> Failing);

/// <param name="Detail">The result's detail; for legacy results, the crosswalk's relation and reason.</param>
public sealed record FailingResourceView(string RuleId, string TitleKo, string TitleEn, string Severity, string ResourceType, string ResourceId, string? CheckItemId, string? Detail = null);

public sealed record TrendPoint(Guid RunId, string Source, string Label, DateTime RanAt, int Pass, int Fail);

public sealed record SuggestionView(
    Guid Id,
    Guid RunId,
    string Source,
    string ControlId,
    string CheckItemId,
    string Suggested,
    int Failing,
    int Passing,
    string State,
    string CurrentResult,
    DateTime CreatedAt,
    DateTime? DecidedAt,
    string? DecidedBy,
    int Version);

public sealed record ControlAutomationView(string ControlId, IReadOnlyList<ControlSeriesView> Latest, IReadOnlyList<TrendPoint> Trend, IReadOnlyList<SuggestionView> Suggestions);

public sealed record DiffEntry(string RuleId, string TitleKo, string TitleEn, string Severity, string ResourceType, string ResourceId, string Before, string After);

/// <summary>Two runs compared by (rule, resource): fixed (failed, now passes or is gone), newly failing, still failing.</summary>
public sealed record RunDiffView(AutomatedRunView From, AutomatedRunView To, IReadOnlyList<DiffEntry> Fixed, IReadOnlyList<DiffEntry> NewlyFailing, IReadOnlyList<DiffEntry> StillFailing, int Unchanged);
