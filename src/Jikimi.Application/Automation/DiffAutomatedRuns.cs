using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Automation;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Automation;

/// <summary>
/// Compares two runs of one source by (rule, resource): fixed (failed before; passes now or is no longer reported),
/// newly failing (fails now; passed or was absent before) and still failing. Which run is older decides the
/// direction, whatever order the ids come in. Without a second id, the run is compared with the one before it in its
/// series (same source and label).
/// </summary>
public sealed class DiffAutomatedRuns(JikimiDb db)
{
    public const int MaxEntries = 2000;

    public async Task<Result<RunDiffView>> Handle(OrgAccess access, Guid assessmentId, Guid runId, Guid? against, CancellationToken ct)
    {
        var run = await db.AutomatedRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.AssessmentId == assessmentId, ct);
        if (run is null)
        {
            return new NotFound("automated_run", runId.ToString());
        }

        var otherRunId = against ?? await db.AutomatedRuns.AsNoTracking()
            .Where(r => r.AssessmentId == assessmentId && r.Source == run.Source && r.Label == run.Label && r.Id != run.Id
                && (r.RanAt < run.RanAt || (r.RanAt == run.RanAt && r.RecordedAt < run.RecordedAt)))
            .OrderByDescending(r => r.RanAt).ThenByDescending(r => r.RecordedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (otherRunId is null)
        {
            return new NoEarlierRun(runId);
        }

        var pair = await db.AutomatedRuns.AsNoTracking().Where(r => r.AssessmentId == assessmentId && (r.Id == runId || r.Id == otherRunId.Value)).ToListAsync(ct);
        var a = pair.FirstOrDefault(r => r.Id == runId);
        var b = pair.FirstOrDefault(r => r.Id == otherRunId.Value);
        if (a is null || b is null)
        {
            return new NotFound("automated_run", (a is null ? runId : otherRunId.Value).ToString());
        }

        if (a.Source != b.Source)
        {
            return new RunsNotComparable(a.Id, b.Id);
        }

        var (from, to) = (a.RanAt, a.RecordedAt).CompareTo((b.RanAt, b.RecordedAt)) <= 0 ? (a, b) : (b, a);
        var before = await Load(from.Id, ct);
        var after = await Load(to.Id, ct);
        var fixedOnes = new List<DiffEntry>();
        var newly = new List<DiffEntry>();
        var still = new List<DiffEntry>();
        var unchanged = 0;
        foreach (var (key, old) in before)
        {
            var now = after.GetValueOrDefault(key);
            if (old.Status == AutomatedStatus.Fail && now?.Status != AutomatedStatus.Fail)
            {
                fixedOnes.Add(Entry(old, old.Status, now?.Status));
            }
            else if (old.Status == AutomatedStatus.Fail)
            {
                still.Add(Entry(now!, old.Status, now!.Status));
            }
            else if (now?.Status == AutomatedStatus.Fail)
            {
                newly.Add(Entry(now, old.Status, now.Status));
            }
            else
            {
                unchanged++;
            }
        }

        foreach (var (key, now) in after.Where(kv => !before.ContainsKey(kv.Key)))
        {
            if (now.Status == AutomatedStatus.Fail)
            {
                newly.Add(Entry(now, null, now.Status));
            }
            else
            {
                unchanged++;
            }
        }

        return new RunDiffView(ListAutomatedRuns.View(from), ListAutomatedRuns.View(to), Sorted(fixedOnes), Sorted(newly), Sorted(still), unchanged);
    }

    private async Task<Dictionary<(string Rule, string Resource), AutomatedResult>> Load(Guid runId, CancellationToken ct)
    {
        // A rule may report one resource twice (two regions folded into one id): the worst status counts.
        var rows = await db.AutomatedResults.AsNoTracking().Where(r => r.RunId == runId).ToListAsync(ct);
        return rows.GroupBy(r => (r.RuleId, r.ResourceId))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Status == AutomatedStatus.Fail ? 0 : r.Status == AutomatedStatus.Error ? 1 : 2).First());
    }

    private static DiffEntry Entry(AutomatedResult r, AutomatedStatus? before, AutomatedStatus? after) =>
        new(r.RuleId, r.TitleKo, r.TitleEn, r.Severity.ToWire(), r.ResourceType, r.ResourceId, before?.ToWire() ?? "absent", after?.ToWire() ?? "absent");

    private static List<DiffEntry> Sorted(List<DiffEntry> entries) =>
        entries.OrderBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.ResourceId, StringComparer.Ordinal).Take(MaxEntries).ToList();
}
