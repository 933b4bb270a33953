namespace Jikimi.Application.Automation;

/// <summary>
/// What a run's readable summary shows (ADR 0042): the run, its counts, the controls it evidences and its failing
/// results (severest first, at most <see cref="MaxFailing"/>). Texts are already cleaned of secrets and personal data.
/// </summary>
public sealed record RunSummary(
    string Source,
    string Label,
    string RuleSetVersion,
    DateTime RanAt,
    StatusCounts Counts,
    IReadOnlyList<AutomatedInputFile> Inputs,
    IReadOnlyList<string> Controls,
    IReadOnlyList<RunSummaryRow> Failing,
    int FailingTotal)
{
    public const int MaxFailing = 500;
}

public sealed record RunSummaryRow(string RuleId, string Title, string Severity, string Resource, string Controls, string Detail);

/// <summary>
/// Renders a run's summary as files (the Reports project gives an HTML page and a Korean PDF). Each file becomes a
/// version of its own evidence item, linked to the run's controls, beside the run's JSON.
/// </summary>
public interface IRunSummaryRenderer
{
    IReadOnlyList<AutomatedEvidenceFile> Render(RunSummary summary);
}
