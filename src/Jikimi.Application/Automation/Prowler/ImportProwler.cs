using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Evidence;
using Jikimi.Domain.Automation;
using Jikimi.Domain.Common;
using Jikimi.Domain.Evidence;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Automation.Prowler;

public sealed record ProwlerImportReport(
    Guid AssessmentId,
    Guid? EvidenceId,
    bool AlreadyImported,
    string Sha256,
    int Findings,
    int Pass,
    int Fail,
    IReadOnlyList<ProwlerControlResult> Controls,
    IReadOnlyList<string> NotInAssessment,
    ProwlerCounts Counts,
    Guid? RunId = null);

/// <summary>
/// What the file held: every finding found; the PASS/FAIL ones mapped to ISMS-P controls (evidence) and those that
/// could not be mapped (no evidence; why, per provider); MANUAL and muted findings (counted, never evidence).
/// </summary>
public sealed record ProwlerCounts(string Format, int Found, int Mapped, int Unmapped, int Manual, int Muted, IReadOnlyList<ProwlerUnmapped> UnmappedBy)
{
    public static ProwlerCounts Of(ProwlerResultSet r) => new(r.Format, r.Found, r.Mapped, r.Unmapped, r.Manual, r.Muted, r.UnmappedBy ?? []);
}

/// <summary>The findings name ISMS-P controls, but none of them is part of the assessment (e.g. ISMS-P-only controls in an ISMS assessment).</summary>
public sealed record ProwlerNoControlInAssessment(IReadOnlyList<string> Controls) : RuleError(
    "prowler.no_control_in_assessment",
    $"The Prowler results were not imported: none of their ISMS-P controls ({string.Join(", ", Controls.Take(20))}) is part of this assessment. Nothing was stored.");

/// <summary>No finding of the file names an ISMS-P control: importing it would make evidence linked to nothing.</summary>
public sealed record ProwlerNothingMapped(ProwlerCounts Counts) : RuleError(
    "prowler.nothing_mapped",
    $"The Prowler results were not imported: none of the {Counts?.Found} findings maps to an ISMS-P control ({Counts?.Unmapped} PASS/FAIL without ISMS-P ids, {Counts?.Manual} manual, {Counts?.Muted} muted). "
    + string.Join(" ", (Counts?.UnmappedBy ?? []).Select(u => $"{u.Explain(korean: false)} ({u.Findings}).")) + " Nothing was stored.");

public sealed record ProwlerFileInvalid(string Detail) : RuleError("prowler.invalid", $"The Prowler results were not imported: {Detail}");

public sealed record ProwlerNoAssessment() : RuleError("prowler.no_assessment", "The organization has no assessment to attach the results to; create one first.");

/// <summary>
/// Attaches Prowler results (JSON-OCSF or CSV) as automated evidence: a generated JSON summary (pass and fail
/// counts per ISMS-P control and check, failing resources) stored as an evidence item with source "prowler",
/// linked to every mapped control of the assessment. One evidence item per cloud account set; a new run adds a
/// version. The summary's SHA-256 identifies the result set: importing the same results again changes nothing.
/// The findings are recorded as a run of source "prowler" on the automated-evidence model (ADR 0040), with the
/// summary as its evidence, so the control workspace shows them beside every other source's.
/// </summary>
public sealed class ImportProwler(JikimiDb db, RecordAutomatedRun record, AuditWriter audit, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Jikimi.Input.InputLimits> inputLimits)
{
    public const string Source = "prowler";

    public async Task<Result<ProwlerImportReport>> Handle(OrgAccess access, Guid? assessmentId, Stream content, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "import Prowler results").Error is { } denied)
        {
            return denied;
        }

        var assessment = assessmentId is { } id
            ? await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct)
            : await db.Assessments.AsNoTracking().OrderByDescending(a => a.Year).ThenByDescending(a => a.CreatedAt).FirstOrDefaultAsync(ct);
        if (assessment is null)
        {
            return assessmentId is { } missing ? new NotFound("assessment", missing.ToString()) : new ProwlerNoAssessment();
        }

        var read = await Jikimi.Input.InputFile.ReadAsync(content, "prowler", null, inputLimits.Value.MaxScanResultBytes, ct, allowEmpty: true);
        if (read.Error is { } unreadable)
        {
            return unreadable.ToDomainError();
        }

        var bytes = read.Value.Bytes;

        var (results, error) = ProwlerReader.Parse(bytes);
        if (error is not null)
        {
            if (error.Input is { } refused)
            {
                return refused.ToDomainError();
            }

            return new ProwlerFileInvalid(error.Message);
        }

        var r = results!;
        if (r.Mapped == 0)
        {
            return new ProwlerNothingMapped(ProwlerCounts.Of(r));
        }

        var summary = r.ToSummaryJson();
        var hash = Sha256Hash.FromBytes(System.Security.Cryptography.SHA256.HashData(summary));
        var inAssessment = await db.ControlAssessments.AsNoTracking().Where(c => c.AssessmentId == assessment.Id).Select(c => c.ControlId).ToListAsync(ct);
        var mapped = r.Controls.Select(c => c.ControlId).Where(inAssessment.Contains).ToList();
        var notInAssessment = r.Controls.Select(c => c.ControlId).Where(c => !inAssessment.Contains(c)).ToList();
        if (mapped.Count == 0)
        {
            return new ProwlerNoControlInAssessment(notInAssessment);
        }

        // Idempotence: the same result set (per organization: the query filter) was stored before.
        var existingVersion = await db.EvidenceVersions.AsNoTracking().Where(v => v.Sha256 == hash.Hex)
            .Join(db.Evidence.Where(e => e.Source == Source && e.DeletedAt == null), v => v.EvidenceId, e => e.Id, (v, e) => (Guid?)e.Id)
            .FirstOrDefaultAsync(ct);
        if (existingVersion is not null)
        {
            var runId = await db.AutomatedRuns.AsNoTracking().Where(x => x.AssessmentId == assessment.Id && x.EvidenceId == existingVersion).OrderByDescending(x => x.RecordedAt).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
            return new ProwlerImportReport(assessment.Id, existingVersion, true, hash.Hex, r.Findings, r.Pass, r.Fail, r.Controls, notInAssessment, ProwlerCounts.Of(r), runId);
        }

        var accounts = r.Accounts.Count == 0 ? "-" : string.Join(", ", r.Accounts);
        var title = $"Prowler 점검 결과 ({r.Provider} {accounts})";
        if (title.Length > 300)
        {
            title = title[..299] + "…";
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var effective = r.ScanDate is { } d && d <= today ? d : today;
        var description = $"자동 수집 증적 (Prowler {r.Format}): 통과 {r.Pass} · 실패 {r.Fail} · ISMS-P 통제 {r.Controls.Count}개 / Automated evidence: {r.Pass} passed, {r.Fail} failed, {r.Controls.Count} ISMS-P controls.";

        // One result per mapped finding, on the controls of this assessment (Prowler maps controls, not check items).
        var rows = (r.Items ?? []).Select(f => new AutomatedResultInput(
                f.CheckId,
                null,
                null,
                f.OurSeverity,
                f.Provider.Length > 0 ? f.Provider : null,
                string.IsNullOrEmpty(f.Region) ? f.ResourceUid : $"{f.ResourceUid} ({f.Region})",
                f.Pass ? "pass" : "fail",
                null,
                f.Controls.Where(mapped.Contains).Distinct().Select(c => new AutomatedControlInput(c, null)).ToList()))
            .ToList();
        var label = $"{r.Provider} {accounts}";
        var input = new AutomatedRunInput(Source, label.Length > AutomatedRun.LabelMax ? label[..AutomatedRun.LabelMax] : label, $"prowler {r.Format}", effective.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), [], rows);
        audit.Record(access, AuditActions.ProwlerImported, "assessment", assessment.Id, new { sha256 = hash.Hex, r.Format, r.Found, r.Findings, r.Pass, r.Fail, r.Unmapped, r.Manual, r.Muted, controls = mapped.Count, notInAssessment = notInAssessment.Count });
        var recorded = await record.Handle(access, assessment.Id, input, new AutomatedEvidenceFile(summary, $"prowler-{effective:yyyyMMdd}-{hash.Hex[..12]}.json", title, description), ct);
        return recorded.Error is { } re ? re : new ProwlerImportReport(assessment.Id, recorded.Value!.Run.EvidenceId, false, hash.Hex, r.Findings, r.Pass, r.Fail, r.Controls, notInAssessment, ProwlerCounts.Of(r), recorded.Value.Run.Id);
    }
}
