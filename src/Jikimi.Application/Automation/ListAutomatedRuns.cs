using System.Text.Json;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Automation;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Automation;

/// <summary>The runs recorded against an assessment, newest first (optionally one source).</summary>
public sealed class ListAutomatedRuns(JikimiDb db)
{
    public const int MaxRuns = 500;

    public async Task<Result<IReadOnlyList<AutomatedRunView>>> Handle(OrgAccess access, Guid assessmentId, string? source, CancellationToken ct)
    {
        if (!await db.Assessments.AnyAsync(a => a.Id == assessmentId, ct))
        {
            return new NotFound("assessment", assessmentId.ToString());
        }

        var q = db.AutomatedRuns.AsNoTracking().Where(r => r.AssessmentId == assessmentId);
        if (!string.IsNullOrWhiteSpace(source))
        {
            q = q.Where(r => r.Source == source);
        }

        var runs = await q.OrderByDescending(r => r.RanAt).ThenByDescending(r => r.RecordedAt).Take(MaxRuns).ToListAsync(ct);
        return Result<IReadOnlyList<AutomatedRunView>>.From(runs.Select(View).ToList());
    }

    internal static AutomatedRunView View(AutomatedRun r) => new(
        r.Id,
        r.AssessmentId,
        r.Source,
        r.Label,
        r.RuleSetVersion,
        Inputs(r.Inputs),
        r.Fingerprint,
        r.RanAt,
        r.RecordedAt,
        r.RecordedBy,
        new StatusCounts(r.Pass, r.Fail, r.Errors, r.NotApplicable, r.Manual),
        r.EvidenceId,
        r.EvidenceVersion);

    private static List<AutomatedInputFile> Inputs(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<AutomatedInputFile>>(json, RecordAutomatedRun.Json) ?? [];
        }
        catch (JsonException)
        {
            return []; // written by RecordAutomatedRun; unreadable only if edited by hand
        }
    }
}
