using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.Automation;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Automation;

/// <summary>
/// What automation says about one control of an assessment: per series (source and target) its latest run's counts
/// and failing resources with the run's date, the pass/fail trend over the runs, and the suggestions on its check
/// items (pending first) beside each item's current, person-recorded result.
/// </summary>
public sealed class GetControlAutomation(JikimiDb db)
{
    public const int TrendRuns = 50;
    public const int MaxFailing = 200;

    public async Task<Result<ControlAutomationView>> Handle(OrgAccess access, Guid assessmentId, string controlId, CancellationToken ct)
    {
        if (!await db.ControlAssessments.AnyAsync(c => c.AssessmentId == assessmentId && c.ControlId == controlId, ct))
        {
            return new NotFound("control", $"{assessmentId}/{controlId}");
        }

        var runs = db.AutomatedRuns.Where(r => r.AssessmentId == assessmentId);
        var perRun = await db.AutomatedResultControls.AsNoTracking().Where(l => l.ControlId == controlId)
            .Join(runs, l => l.RunId, r => r.Id, (l, r) => new { l.RunId, l.ResultId, l.Status, r.Source, r.Label, r.RanAt })
            .Distinct()
            .ToListAsync(ct);
        var byRun = perRun.GroupBy(x => x.RunId)
            .Select(g =>
            {
                var first = g.First();
                var results = g.DistinctBy(x => x.ResultId).ToList();
                var counts = new StatusCounts(
                    results.Count(x => x.Status == AutomatedStatus.Pass),
                    results.Count(x => x.Status == AutomatedStatus.Fail),
                    results.Count(x => x.Status == AutomatedStatus.Error),
                    results.Count(x => x.Status == AutomatedStatus.NotApplicable),
                    results.Count(x => x.Status == AutomatedStatus.Manual));
                return (Run: g.Key, first.Source, first.Label, first.RanAt, Counts: counts);
            })
            .OrderBy(x => x.RanAt)
            .ToList();

        var latest = new List<ControlSeriesView>();
        foreach (var s in byRun.GroupBy(x => (x.Source, x.Label)).Select(g => g.Last()).OrderBy(x => x.Source, StringComparer.Ordinal).ThenBy(x => x.Label, StringComparer.Ordinal))
        {
            var failing = await db.AutomatedResultControls.AsNoTracking()
                .Where(l => l.RunId == s.Run && l.ControlId == controlId && l.Status == AutomatedStatus.Fail)
                .Join(db.AutomatedResults, l => l.ResultId, r => r.Id, (l, r) => new { r.RuleId, r.TitleKo, r.TitleEn, r.Severity, r.ResourceType, r.ResourceId, l.CheckItem, r.Detail })
                .OrderByDescending(x => x.Severity).ThenBy(x => x.RuleId).ThenBy(x => x.ResourceId).ThenBy(x => x.CheckItem)
                .Take(MaxFailing)
                .ToListAsync(ct);
            latest.Add(new ControlSeriesView(s.Source, s.Label, s.Run, s.RanAt, s.Counts, failing
                .Select(f => new FailingResourceView(f.RuleId, f.TitleKo, f.TitleEn, f.Severity.ToWire(), f.ResourceType, f.ResourceId, f.CheckItem > 0 ? $"{controlId}-{f.CheckItem}" : null, f.Detail))
                .ToList()));
        }

        var trend = byRun.TakeLast(TrendRuns).Select(x => new TrendPoint(x.Run, x.Source, x.Label, x.RanAt, x.Counts.Pass, x.Counts.Fail)).ToList();
        var suggestions = await Suggestions(db, assessmentId, controlId, ct);
        return new ControlAutomationView(controlId, latest, trend, suggestions);
    }

    internal static async Task<List<SuggestionView>> Suggestions(JikimiDb db, Guid assessmentId, string? controlId, CancellationToken ct)
    {
        var q = db.AutomatedSuggestions.AsNoTracking().Where(s => s.AssessmentId == assessmentId);
        if (controlId is not null)
        {
            q = q.Where(s => s.ControlId == controlId);
        }

        var rows = await q.Join(db.AutomatedRuns, s => s.RunId, r => r.Id, (s, r) => new { s, r.Source })
            .OrderBy(x => x.s.State).ThenByDescending(x => x.s.CreatedAt)
            .Take(200)
            .ToListAsync(ct);
        var itemIds = rows.Select(x => x.s.CheckItemId).Distinct().ToList();
        var current = await db.CheckItemAssessments.AsNoTracking().Where(i => i.AssessmentId == assessmentId && itemIds.Contains(i.CheckItemId))
            .ToDictionaryAsync(i => i.CheckItemId, i => i.Result, ct);
        return rows.Select(x => View(x.s, x.Source, current.TryGetValue(x.s.CheckItemId, out var c) ? c : CheckResult.Unassessed)).ToList();
    }

    internal static SuggestionView View(AutomatedSuggestion s, string source, CheckResult current) => new(
        s.Id, s.RunId, source, s.ControlId, s.CheckItemId, s.Suggested.ToWire(), s.Failing, s.Passing, s.State.ToWire(), current.ToWire(), s.CreatedAt, s.DecidedAt, s.DecidedBy, s.Version);
}
