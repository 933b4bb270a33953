using Jikimi.Domain.Common;

namespace Jikimi.Application.Automation;

/// <summary>A run (or the file that carried it) breaks a rule at a named place; nothing was recorded.</summary>
public sealed record AutomatedRunInvalid(string Where, string Problem) : RuleError(
    "automation.invalid",
    $"The automated results were not recorded: {Where}: {Problem} Nothing was stored.");

/// <summary>The file could not be read as the source's output (not JSON, truncated, wrong kind); names the file and the place.</summary>
public sealed record AutomatedFileUnreadable(string File, string Where, string Problem) : RuleError(
    "automation.unreadable",
    $"{File}: {Where}: {Problem} Nothing was stored.");

public sealed record AutomatedTooManyResults(int Limit) : RuleError(
    "automation.too_many_results",
    $"The run holds more than {Limit:N0} results; split it (by account or region). Nothing was stored.");

/// <summary>None of the results evidences a control of the assessment (all unmapped, or ISMS-P-only controls in an ISMS assessment).</summary>
public sealed record AutomatedNothingInAssessment(IReadOnlyList<string> Controls) : RuleError(
    "automation.no_control_in_assessment",
    $"None of the results evidences a control of this assessment ({string.Join(", ", (Controls ?? []).Take(20))}). Nothing was stored.");

/// <summary>The two runs of a diff come from different sources.</summary>
public sealed record RunsNotComparable(Guid From, Guid To) : RuleError(
    "automation.runs_not_comparable",
    $"The runs {From} and {To} come from different sources; compare runs of one source.");

/// <summary>A diff without a second run needs an earlier run of the same series.</summary>
public sealed record NoEarlierRun(Guid Run) : RuleError(
    "automation.no_earlier_run",
    $"The run {Run} is the first of its series; there is nothing earlier to compare it with.");

/// <summary>A legacy results sheet breaks a rule at a named row or column; nothing was recorded.</summary>
public sealed record LegacySheetInvalid(string Where, string Problem) : RuleError(
    "legacy.sheet_invalid",
    $"The legacy results were not imported: {Where}: {Problem} Nothing was stored.");

/// <summary>Legacy results map onto an ISMS-P 2023 assessment only (the crosswalk's target).</summary>
public sealed record LegacyTargetNot2023(string Edition) : RuleError(
    "legacy.target_not_2023",
    $"Legacy K-ISMS results map onto an ISMS-P 2023 assessment; this assessment is of {Edition}.");
