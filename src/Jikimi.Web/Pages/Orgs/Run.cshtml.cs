using Jikimi.Application.Automation;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

/// <summary>One automated run: its results filtered by status, severity and control, and the diff with another run
/// of the same source (by default the one before it in its series).</summary>
public sealed class RunModel(GetAutomatedRun get, ListAutomatedRuns list, DiffAutomatedRuns diff) : OrgPage
{
    [FromRoute]
    public Guid AssessmentId { get; set; }

    [FromRoute]
    public Guid RunId { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "severity")]
    public string? Severity { get; set; }

    [FromQuery(Name = "control")]
    public string? Control { get; set; }

    [FromQuery(Name = "against")]
    public Guid? Against { get; set; }

    public AutomatedRunDetail? Detail { get; private set; }

    /// <summary>Other runs of the same source, for the diff's choice.</summary>
    public IReadOnlyList<AutomatedRunView> Comparable { get; private set; } = [];

    public RunDiffView? Diff { get; private set; }

    public string? DiffProblem { get; private set; }

    public string? FilterProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var d = await get.Handle(Access, AssessmentId, RunId, Empty(Status), Empty(Severity), Empty(Control), ct);
        if (d.Error is Jikimi.Domain.Common.NotFound)
        {
            return NotFound();
        }

        if (d.Error is { } bad)
        {
            // A hand-edited filter: show the whole run and say why.
            FilterProblem = UiErrors.Message(bad);
            (Status, Severity, Control) = (null, null, null);
            d = await get.Handle(Access, AssessmentId, RunId, null, null, null, ct);
        }

        Detail = d.Value!;
        Comparable = ((await list.Handle(Access, AssessmentId, Detail.Run.Source, ct)).Value ?? []).Where(r => r.Id != RunId).ToList();
        var x = await diff.Handle(Access, AssessmentId, RunId, Against, ct);
        if (x.Error is { } e)
        {
            DiffProblem = x.Error is NoEarlierRun ? L("이 실행이 같은 대상의 첫 실행이라 비교할 이전 실행이 없습니다.", "This is the first run of its series; there is no earlier run to compare with.") : UiErrors.Message(e);
        }
        else
        {
            Diff = x.Value;
        }

        return Page();
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
