using Jikimi.Application.Audits;
using Jikimi.Application.Organizations;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Reports.Common;
using Jikimi.Reports.Findings;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

public sealed class AuditModel(GetAudit get, UpdateAudit update, AssignAuditor assign, ListFindings findings, RecordFinding record, DecideAudit decide, RecordAppeal appeal, ListMembers members, BuildFindingsReport findingsReport, TimeProvider clock) : OrgPage
{
    [FromRoute]
    public Guid AuditId { get; set; }

    public AuditView? Audit { get; private set; }

    public IReadOnlyList<FindingView> Findings { get; private set; } = [];

    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    public IReadOnlyList<MemberView> AuditorCandidates => Members.Where(m => m.Role == "auditor" && Audit?.Auditors.Contains(m.UserId) != true).ToList();

    /// <summary>Managers and the auditors assigned to this audit record findings (the server checks the same).</summary>
    public bool CanRecordFindings => Role.CanManageWorkspace() || (Role == Role.Auditor && Audit?.Auditors.Contains(Actor.UserId) == true);

    /// <summary>An appeal is recorded by a manager, within the appeal window after the final decision, once.</summary>
    public bool CanAppeal => Role.CanManageWorkspace() && Audit is { AppealedOn: null, AppealBy: { } by } && DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) <= by;

    public async Task<IActionResult> OnPostAppealAsync(string? note, CancellationToken ct)
    {
        var r = await appeal.Handle(Access, AuditId, new AppealRequest(note), ct);
        return r.Error is { } e ? Failed(e) : Done(L("이의신청을 기록했습니다.", "Appeal recorded."));
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUpdateAsync(string? body, string? team, DateOnly? periodStart, DateOnly? periodEnd, string? samplingNotes, string? otherCertifications, string? status, int version, CancellationToken ct)
    {
        if (!await Load(ct))
        {
            return NotFound();
        }

        var r = await update.Handle(Access, AuditId, new UpdateAuditRequest(body, team, periodStart, periodEnd, samplingNotes, otherCertifications, Audit!.AssessmentId, status, version), ct);
        return r.Error is { } e ? Failed(e) : Done(L("저장했습니다.", "Saved."));
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid userId, CancellationToken ct)
    {
        var r = await assign.Handle(Access, AuditId, new AssignAuditorRequest(userId), ct);
        return r.Error is { } e ? Failed(e) : Done(L("심사원을 배정했습니다.", "Auditor assigned."));
    }

    public async Task<IActionResult> OnPostFindingAsync(string? controlId, string? checkItemId, string? description, string? evidenceRefs, string? severity, DateOnly? noticeOn, CancellationToken ct)
    {
        var r = await record.Handle(Access, AuditId, new RecordFindingRequest(controlId, string.IsNullOrWhiteSpace(checkItemId) ? null : checkItemId, description, evidenceRefs, severity, noticeOn), ct);
        return r.Error is { } e ? Failed(e) : Done(L($"결함 {r.Value!.Number}을 기록했습니다. 조치 기한 {UiText.Date(r.Value.DueOn)}.", $"Finding {r.Value!.Number} recorded; correction due {UiText.Date(r.Value.DueOn)}."));
    }

    public async Task<IActionResult> OnPostDecideAsync(string? decision, string? note, DateOnly? decidedOn, string? certificateNumber, DateOnly? issuedOn, CancellationToken ct)
    {
        var r = await decide.Handle(Access, AuditId, new DecideAuditRequest(decision, note, decidedOn, string.IsNullOrWhiteSpace(certificateNumber) ? null : certificateNumber, issuedOn), ct);
        if (r.Error is { } e)
        {
            return Failed(e);
        }

        return r.Value!.Certificate is { } c
            ? Done(L($"인증서 {c.Number}가 발급되었습니다.", $"Certificate {c.Number} issued."), OrgUrl($"/certificates/{c.Id}"))
            : Done(L("결정을 기록했습니다.", "Decision recorded."));
    }

    /// <summary>The findings report (결함보고서) of this audit as PDF or HTML, through the same use case as the API.</summary>
    public async Task<IActionResult> OnGetFindingsReportAsync(string? format, string? lang, CancellationToken ct)
    {
        if (!ReportFormats.TryParse(format ?? "pdf", out var f))
        {
            return BadRequest();
        }

        var r = await findingsReport.Handle(Access, AuditId, lang == "en" ? Jikimi.Catalog.Model.Language.En : Jikimi.Catalog.Model.Language.Ko, f, ct);
        return r.Error is { } e ? (e is NotFoundError ? NotFound() : Failed(e)) : await Delivered(r.Value!.Content, r.Value.ContentType, r.Value.FileName);
    }

    private async Task<bool> Load(CancellationToken ct)
    {
        var a = await get.Handle(Access, AuditId, ct);
        if (a.Error is not null)
        {
            return false;
        }

        Audit = a.Value;
        Findings = (await findings.Handle(Access, new FindingFilter(AuditId, false, null), ct)).Value ?? [];
        Members = await members.Handle(Access, ct);
        return true;
    }
}
