using Jikimi.Application.Audits;
using Jikimi.Domain.Organizations;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

public sealed class FindingModel(GetFinding get, GetAudit getAudit, PlanCorrection plan, MarkFindingFixed fix, VerifyFinding verify, RequestFurtherCorrection further) : OrgPage
{
    [FromRoute]
    public Guid FindingId { get; set; }

    public FindingView? Finding { get; private set; }

    /// <summary>The organization plans and reports corrections; auditors verify (the server checks the same).</summary>
    public bool CanCorrect => Role.CanEditControls() && Finding is { Status: not "closed", FurtherCorrectionLapsed: false };

    /// <summary>The committee (a manager records it) may send a fixed or closed finding back once, before it decides the audit.</summary>
    public bool CanRequestFurtherCorrection => Role.CanManageWorkspace() && AuditStatus is not "decided"
        && Finding is { Status: "fixed" or "closed", FurtherCorrectionDueOn: null };

    public string? AuditStatus { get; private set; }

    public bool CanVerify => (Role == Role.Auditor || Role.CanManageWorkspace()) && Finding is { Status: "fixed" };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var r = await get.Handle(Access, FindingId, ct);
        if (r.Error is not null)
        {
            return NotFound();
        }

        Finding = r.Value;
        AuditStatus = (await getAudit.Handle(Access, Finding!.AuditId, ct)).Value?.Status;
        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(string? rootCause, string? action, string? owner, DateOnly? dueOn, CancellationToken ct)
    {
        var r = await plan.Handle(Access, FindingId, new CorrectionPlanRequest(rootCause, action, owner, dueOn), ct);
        return r.Error is { } e ? Failed(e) : Done(L("조치계획을 제출했습니다.", "Plan submitted."));
    }

    public async Task<IActionResult> OnPostFixAsync(string? evidence, CancellationToken ct)
    {
        var r = await fix.Handle(Access, FindingId, new FixFindingRequest(evidence), ct);
        return r.Error is { } e ? Failed(e) : Done(L("조치 완료를 보고했습니다.", "Reported fixed."));
    }

    public async Task<IActionResult> OnPostVerifyAsync(bool accepted, string? note, CancellationToken ct)
    {
        var r = await verify.Handle(Access, FindingId, new VerifyFindingRequest(accepted, note), ct);
        return r.Error is { } e ? Failed(e) : Done(accepted ? L("조치를 확인하고 종료했습니다.", "Verified and closed.") : L("재조치를 요청했습니다.", "Sent back for re-correction."));
    }

    public async Task<IActionResult> OnPostFurtherAsync(string? note, CancellationToken ct)
    {
        var r = await further.Handle(Access, FindingId, new FurtherCorrectionRequest(note), ct);
        return r.Error is { } e ? Failed(e) : Done(L("추가 보완조치를 요구했습니다.", "Further correction requested."));
    }
}
