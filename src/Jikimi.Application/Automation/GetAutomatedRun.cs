using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Automation;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Automation;

/// <summary>One run with its results (failures first, then by severity), optionally only one status, one severity
/// and the results evidencing one control.</summary>
public sealed class GetAutomatedRun(JikimiDb db)
{
    public const int MaxResults = 2000;

    public async Task<Result<AutomatedRunDetail>> Handle(OrgAccess access, Guid assessmentId, Guid runId, string? status, string? severity, string? controlId, CancellationToken ct)
    {
        var run = await db.AutomatedRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.AssessmentId == assessmentId, ct);
        if (run is null)
        {
            return new NotFound("automated_run", runId.ToString());
        }

        var q = db.AutomatedResults.AsNoTracking().Where(r => r.RunId == runId);
        if (status is not null)
        {
            if (!AutomatedWire.TryParseStatus(status, out var s))
            {
                return new Invalid("status", "status must be pass, fail, error, not_applicable or manual.");
            }

            q = q.Where(r => r.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(severity))
        {
            if (!AutomatedWire.TryParseSeverity(severity, out var sev))
            {
                return new Invalid("severity", "severity must be critical, high, medium, low or info.");
            }

            q = q.Where(r => r.Severity == sev);
        }

        if (!string.IsNullOrWhiteSpace(controlId))
        {
            var control = controlId.Trim();
            q = q.Where(r => db.AutomatedResultControls.Any(l => l.RunId == runId && l.ResultId == r.Id && l.ControlId == control));
        }

        var total = await q.CountAsync(ct);
        var results = await q.OrderBy(r => r.Status == AutomatedStatus.Fail ? 0 : r.Status == AutomatedStatus.Error ? 1 : 2)
            .ThenByDescending(r => r.Severity).ThenBy(r => r.RuleId).ThenBy(r => r.ResourceId)
            .Take(MaxResults).ToListAsync(ct);
        var ids = results.Select(r => r.Id).ToList();
        var links = (await db.AutomatedResultControls.AsNoTracking().Where(l => l.RunId == runId && ids.Contains(l.ResultId)).ToListAsync(ct))
            .ToLookup(l => l.ResultId);
        return new AutomatedRunDetail(
            ListAutomatedRuns.View(run),
            results.Select(r => View(r, links[r.Id])).ToList(),
            total,
            total > results.Count);
    }

    internal static AutomatedResultView View(AutomatedResult r, IEnumerable<AutomatedResultControl> links) => new(
        r.Id,
        r.RuleId,
        r.TitleKo,
        r.TitleEn,
        r.Severity.ToWire(),
        r.ResourceType,
        r.ResourceId,
        r.Status.ToWire(),
        r.Detail,
        links.GroupBy(l => l.ControlId).Select(g => new AutomatedControlRef(g.Key, g.Where(l => l.CheckItem > 0).Select(l => l.CheckItem).Order().ToList())).ToList());
}
