using System.Security.Cryptography;
using System.Text.Json;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Assessments;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Evidence;
using Jikimi.Domain.Automation;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Automation;

/// <summary>
/// Records a run of any technical source against an assessment, in one unit of work: the run, its results, their
/// controls and check items, the suggestions its failures make (ADR 0041: suggestions only, never a result), and an
/// evidence version (the results as JSON) linked to every control it evidences. The same results recorded twice
/// are one run. A bad entry is refused with its place (results[3].controls[0]…) and nothing is stored. Where a
/// summary renderer is registered (the Reports project), the run also adds a version to its HTML and PDF summary
/// evidence items, linked to the same controls (ADR 0042).
/// </summary>
public sealed class RecordAutomatedRun(JikimiDb db, UploadEvidence upload, AuditWriter audit, TimeProvider clock, IEnumerable<IRunSummaryRenderer> renderers, Microsoft.Extensions.Options.IOptions<Jikimi.Input.InputLimits> limits)
{

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<Result<RecordedRunView>> Handle(OrgAccess access, Guid assessmentId, AutomatedRunInput input, AutomatedEvidenceFile? evidenceFile, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "record automated results").Error is { } denied)
        {
            return denied;
        }

        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, ct);
        if (assessment is null)
        {
            return new NotFound("assessment", assessmentId.ToString());
        }

        if (input.Results is null || input.Results.Count == 0)
        {
            return new AutomatedRunInvalid("results", "the run holds no results.");
        }

        if (input.Results.Count > limits.Value.MaxRunResults)
        {
            return new AutomatedTooManyResults(limits.Value.MaxRunResults);
        }

        var edition = ControlQueries.EditionOf(assessment.Edition);
        var parsed = Parse(input, edition);
        if (parsed.Error is { } pe)
        {
            return pe;
        }

        var rows = parsed.Value!;
        var inAssessment = (await db.ControlAssessments.AsNoTracking().Where(c => c.AssessmentId == assessmentId).Select(c => c.ControlId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var named = rows.SelectMany(r => r.Controls.Select(c => c.ControlId)).Distinct(StringComparer.Ordinal).ToList();
        var linked = named.Where(inAssessment.Contains).OrderBy(c => c, Catalog.Search.ControlIdComparer.Instance).ToList();
        var notInAssessment = named.Where(c => !inAssessment.Contains(c)).OrderBy(c => c, Catalog.Search.ControlIdComparer.Instance).ToList();
        if (linked.Count == 0)
        {
            return new AutomatedNothingInAssessment(notInAssessment);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var inputs = JsonSerializer.Serialize((input.Inputs ?? []).Select(i => new { name = i.Name, sha256 = i.Sha256 }), Json);
        var canonical = Canonical(input, rows);
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(canonical));
        var existing = await db.AutomatedRuns.AsNoTracking().FirstOrDefaultAsync(r => r.AssessmentId == assessmentId && r.Fingerprint == fingerprint, ct);
        if (existing is not null)
        {
            return new RecordedRunView(ListAutomatedRuns.View(existing), true, 0, linked, notInAssessment);
        }

        var created = AutomatedRun.Create(access.OrganizationId, assessmentId, input.Source, input.Label, input.RuleSetVersion, inputs, fingerprint, input.RanAt ?? now, access.Actor.UserId == Guid.Empty ? null : access.Actor.UserId, access.Actor.Name, rows.Select(r => r.Status), now);
        if (created.Error is { } ce)
        {
            return ce;
        }

        var run = created.Value!;
        db.AutomatedRuns.Add(run);
        var perItem = new Dictionary<(string Control, int Item), (int Fail, int Pass)>();
        foreach (var row in rows)
        {
            var result = AutomatedResult.Create(run, row.RuleId, row.TitleKo, row.TitleEn, row.Severity, row.ResourceType, row.ResourceId, row.Status, row.Detail);
            if (result.Error is { } re)
            {
                return re;
            }

            db.AutomatedResults.Add(result.Value!);
            foreach (var c in row.Controls.Where(c => inAssessment.Contains(c.ControlId)))
            {
                foreach (var item in c.CheckItems.Count == 0 ? [0] : c.CheckItems)
                {
                    db.AutomatedResultControls.Add(AutomatedResultControl.Create(result.Value!, c.ControlId, item));
                    if (item > 0 && row.Status is AutomatedStatus.Fail or AutomatedStatus.Pass)
                    {
                        var (f, p) = perItem.GetValueOrDefault((c.ControlId, item));
                        perItem[(c.ControlId, item)] = row.Status == AutomatedStatus.Fail ? (f + 1, p) : (f, p + 1);
                    }
                }
            }
        }

        // A later run of the same series judges these check items again: its word replaces pending suggestions.
        var judged = perItem.Keys.Select(k => $"{k.Control}-{k.Item}").ToHashSet(StringComparer.Ordinal);
        var series = db.AutomatedRuns.Where(r => r.AssessmentId == assessmentId && r.Source == run.Source && r.Label == run.Label).Select(r => r.Id);
        var pending = await db.AutomatedSuggestions.Where(s => s.AssessmentId == assessmentId && s.State == SuggestionState.Pending && series.Contains(s.RunId)).ToListAsync(ct);
        foreach (var s in pending.Where(s => judged.Contains(s.CheckItemId)))
        {
            s.Supersede(now);
        }

        var suggestions = 0;
        foreach (var ((control, item), (fail, pass)) in perItem)
        {
            if (AutomatedSuggestion.From(run, control, item, fail, pass, now) is { } s)
            {
                db.AutomatedSuggestions.Add(s);
                suggestions++;
            }
        }

        audit.Record(access, AuditActions.AutomatedRunRecorded, "assessment", assessmentId, new { run = run.Id, run.Source, run.Label, run.RuleSetVersion, fingerprint, run.Pass, run.Fail, errors = run.Errors, run.NotApplicable, run.Manual, controls = linked.Count, suggestions });
        var recorded = await RecordEvidence(access, assessmentId, run, linked, evidenceFile ?? DefaultEvidence(run, input, rows), ct, (e, v) => run.AttachEvidence(e.Id, v.Number));
        if (recorded.Error is { } err)
        {
            return err;
        }

        // The readable summaries follow the committed run: each one more version of its own item.
        var summary = Summary(run, input, rows, linked);
        foreach (var file in renderers.SelectMany(r => r.Render(summary)))
        {
            if ((await RecordEvidence(access, assessmentId, run, linked, file, ct, null)).Error is { } fe)
            {
                return fe;
            }
        }

        return new RecordedRunView(ListAutomatedRuns.View(run), false, suggestions, linked, notInAssessment);
    }

    /// <summary>One file as the next version of the run's evidence item of that title, linked to the controls not yet linked.</summary>
    private async Task<Result<Evidence.EvidenceView>> RecordEvidence(OrgAccess access, Guid assessmentId, AutomatedRun run, List<string> linked, AutomatedEvidenceFile file, CancellationToken ct, Action<Domain.Evidence.EvidenceItem, Domain.Evidence.EvidenceVersion>? attach)
    {
        var item0 = await db.Evidence.AsNoTracking().Where(e => e.Source == run.Source && e.Title == file.Title && e.DeletedAt == null).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        var alreadyLinked = item0 is null ? [] : await db.EvidenceLinks.AsNoTracking().Where(l => l.EvidenceId == item0 && l.CheckItemId == string.Empty)
            .Join(db.ControlAssessments.Where(c => c.AssessmentId == assessmentId), l => l.ControlAssessmentId, c => c.Id, (l, c) => c.ControlId).ToListAsync(ct);
        var targets = linked.Where(c => !alreadyLinked.Contains(c)).Select(c => new EvidenceTarget(assessmentId, c, null)).ToList();
        var stored = await upload.StoreHeld(file.Content, ct);
        if (stored.Error is { } se)
        {
            return se;
        }

        var request = new UploadEvidenceRequest(file.Title, file.Description, DateOnly.FromDateTime(run.RanAt), 30, targets, run.Source);
        return await upload.Record(access, item0, request, stored.Value!, file.FileName, ct, attach);
    }

    /// <summary>The run as its summary shows it: counts, controls, and the failures severest first.</summary>
    private static RunSummary Summary(AutomatedRun run, AutomatedRunInput input, List<Row> rows, List<string> linked)
    {
        var failing = rows.Where(r => r.Status == AutomatedStatus.Fail).ToList();
        var shown = failing.OrderByDescending(r => r.Severity).ThenBy(r => r.RuleId, StringComparer.Ordinal).ThenBy(r => r.ResourceId, StringComparer.Ordinal).Take(RunSummary.MaxFailing)
            .Select(r => new RunSummaryRow(
                r.RuleId,
                ResultText.Clean(r.TitleKo ?? r.TitleEn, AutomatedResult.TitleMax) ?? string.Empty,
                r.Severity.ToWire(),
                ResultText.Clean(r.ResourceId, AutomatedResult.ResourceMax) ?? string.Empty,
                string.Join(", ", r.Controls.Select(c => c.CheckItems.Count == 0 ? c.ControlId : $"{c.ControlId} ({string.Join(", ", c.CheckItems)})")),
                ResultText.Clean(r.Detail, AutomatedResult.DetailMax) ?? string.Empty))
            .ToList();
        var counts = new StatusCounts(run.Pass, run.Fail, run.Errors, run.NotApplicable, run.Manual);
        return new RunSummary(run.Source, run.Label, run.RuleSetVersion, run.RanAt, counts, input.Inputs ?? [], linked, shown, failing.Count);
    }

    internal sealed record Row(string RuleId, string? TitleKo, string? TitleEn, AutomatedSeverity Severity, string? ResourceType, string? ResourceId, AutomatedStatus Status, string? Detail, List<AutomatedControlRef> Controls);

    /// <summary>Checks every entry against the wire names and the assessment's edition; the first problem names its place.</summary>
    private static Result<List<Row>> Parse(AutomatedRunInput input, Jikimi.Catalog.Model.Edition edition)
    {
        if (!AutomatedSources.IsKnown(input.Source))
        {
            return new AutomatedRunInvalid("source", $"'{input.Source}' is not a source; use one of {string.Join(", ", AutomatedSources.All)}.");
        }

        var rows = new List<Row>(input.Results.Count);
        for (var i = 0; i < input.Results.Count; i++)
        {
            var r = input.Results[i];
            var at = $"results[{i}]";
            if (r is null || string.IsNullOrWhiteSpace(r.RuleId))
            {
                return new AutomatedRunInvalid(at, "ruleId is missing.");
            }

            if (!AutomatedWire.TryParseStatus(r.Status, out var status))
            {
                return new AutomatedRunInvalid($"{at}.status", $"'{r.Status}' is not a status; use pass, fail, error, not_applicable or manual.");
            }

            var severity = AutomatedSeverity.Info;
            if (r.Severity is not null && !AutomatedWire.TryParseSeverity(r.Severity, out severity))
            {
                return new AutomatedRunInvalid($"{at}.severity", $"'{r.Severity}' is not a severity; use critical, high, medium, low or info.");
            }

            var controls = new List<AutomatedControlRef>();
            for (var j = 0; j < (r.Controls?.Count ?? 0); j++)
            {
                var c = r.Controls![j];
                var control = edition.Find(c?.ControlId?.Trim() ?? string.Empty);
                if (c is null || control is null)
                {
                    return new AutomatedRunInvalid($"{at}.controls[{j}]", $"'{c?.ControlId}' is not a control of the {edition.Id} edition.");
                }

                var items = (c.CheckItems ?? []).Distinct().Order().ToList();
                if (items.FirstOrDefault(n => n < 1 || n > Math.Max(control.CheckItems.Count, control.CheckItemCount)) is var bad && bad != 0)
                {
                    return new AutomatedRunInvalid($"{at}.controls[{j}].checkItems", $"{control.Id} has check items 1–{Math.Max(control.CheckItems.Count, control.CheckItemCount)}; {bad} is not one of them.");
                }

                controls.Add(new AutomatedControlRef(control.Id, items));
            }

            rows.Add(new Row(r.RuleId.Trim(), r.TitleKo, r.TitleEn, severity, r.ResourceType, r.ResourceId, status, r.Detail, controls));
        }

        return rows;
    }

    /// <summary>What identifies a run: everything it says, in the order it says it (JSON, UTF-8).</summary>
    private static byte[] Canonical(AutomatedRunInput input, List<Row> rows) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        input.Source,
        input.Label,
        input.RuleSetVersion,
        input.RanAt,
        inputs = input.Inputs ?? [],
        rows = rows.Select(r => new { r.RuleId, r.TitleKo, r.TitleEn, r.Severity, r.ResourceType, r.ResourceId, r.Status, r.Detail, r.Controls }),
    });

    /// <summary>The evidence file Jikimi writes when the source brings none: the run and its results as recorded (cleaned).</summary>
    private static AutomatedEvidenceFile DefaultEvidence(AutomatedRun run, AutomatedRunInput input, List<Row> rows)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new
        {
            source = run.Source,
            label = run.Label,
            ruleSetVersion = run.RuleSetVersion,
            ranAt = run.RanAt,
            inputs = input.Inputs ?? [],
            counts = new { pass = run.Pass, fail = run.Fail, error = run.Errors, notApplicable = run.NotApplicable, manual = run.Manual },
            results = rows.Select(r => new
            {
                ruleId = r.RuleId,
                titleKo = ResultText.Clean(r.TitleKo, AutomatedResult.TitleMax),
                titleEn = ResultText.Clean(r.TitleEn, AutomatedResult.TitleMax),
                severity = r.Severity.ToWire(),
                resourceType = ResultText.Clean(r.ResourceType, AutomatedResult.ResourceTypeMax),
                resourceId = ResultText.Clean(r.ResourceId, AutomatedResult.ResourceMax),
                status = r.Status.ToWire(),
                detail = ResultText.Clean(r.Detail, AutomatedResult.DetailMax),
                controls = r.Controls,
            }),
        }, Json);
        var title = $"자동 점검 결과 / Automated results ({run.Source} {run.Label})";
        title = title.Length > 300 ? title[..299] + "…" : title;
        var description = $"자동 수집 증적: 통과 {run.Pass} · 실패 {run.Fail} · 오류 {run.Errors} / Automated evidence: {run.Pass} passed, {run.Fail} failed, {run.Errors} errors (rule set {run.RuleSetVersion}).";
        return new AutomatedEvidenceFile(bytes, $"{run.Source}-{run.RanAt:yyyyMMdd-HHmmss}-{run.Fingerprint[..12]}.json", title, description);
    }
}
