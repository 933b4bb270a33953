using Jikimi.Application.Assessments;
using Jikimi.Application.Automation;
using Jikimi.Application.Evidence;
using Jikimi.Application.Organizations;
using Jikimi.Domain.Organizations;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

[EvidenceUpload]
public sealed class ControlModel(GetControl get, UpdateControl update, RecordCheckItem record, AddComment comment, LinkEvidence link, UploadEvidence upload, ListMembers members, ListEvidence library, GetControlAutomation automation, Application.Cloud.GetAssessmentInheritance inheritance, AcceptSuggestion accept, DismissSuggestion dismiss) : OrgPage
{
    [FromRoute]
    public Guid AssessmentId { get; set; }

    [FromRoute]
    public string ControlId { get; set; } = string.Empty;

    public ControlDetail? Detail { get; private set; }

    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    public IReadOnlyList<EvidenceView> Library { get; private set; } = [];

    /// <summary>What automated runs say about this control: latest per series, trend, suggestions (ADR 0040, 0041).</summary>
    public ControlAutomationView? Automation { get; private set; }

    /// <summary>This control's cloud split and the provider certificates it rests on (null without declared cloud usage).</summary>
    public Application.Cloud.ControlInheritance? Cloud { get; private set; }

    public IReadOnlyList<Application.Cloud.ProviderInfo> CloudProviders { get; private set; } = [];

    /// <summary>Owners edit their own controls, managers all; viewers and auditors read.</summary>
    public bool CanEdit => Role.CanManageWorkspace() || (Role == Role.ControlOwner && Detail?.Control.OwnerUserId == Actor.UserId);

    public bool CanManage => Role.CanManageWorkspace();

    public bool CanComment => Role != Role.Viewer;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostControlAsync(string? status, bool applicable, string? notApplicableReason, Guid? ownerUserId, DateOnly? dueDate,
        string? operationStatus, string? relatedDocuments, string? evidenceRecords, int version, CancellationToken ct)
    {
        if (!await Load(ct))
        {
            return NotFound();
        }

        // A control owner cannot reassign: keep the owner the form could not change.
        var (owner, due) = CanManage ? (ownerUserId, dueDate) : (Detail!.Control.OwnerUserId, Detail.Control.DueDate);
        var r = await update.Handle(Access, AssessmentId, ControlId, new UpdateControlRequest(status, applicable, Empty(notApplicableReason), owner, due,
            operationStatus, relatedDocuments, evidenceRecords, version), ct);
        return r.Error is { } e ? Failed(e) : Done(L("저장했습니다.", "Saved."));
    }

    public async Task<IActionResult> OnPostCheckItemAsync(string checkItemId, string? result, string? notApplicableReason, string? note, int version, CancellationToken ct)
    {
        var r = await record.Handle(Access, AssessmentId, checkItemId, new RecordCheckItemRequest(result, Empty(notApplicableReason), Empty(note), version), ct);
        return r.Error is { } e ? Failed(e) : Done(L($"{checkItemId} 결과를 저장했습니다.", $"Saved the result of {checkItemId}."));
    }

    public async Task<IActionResult> OnPostCommentAsync(string? body, CancellationToken ct)
    {
        var r = await comment.Handle(Access, AssessmentId, ControlId, new AddCommentRequest(body), ct);
        return r.Error is { } e ? Failed(e) : Done(L("의견을 남겼습니다.", "Comment added."));
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid evidenceId, string? checkItemId, CancellationToken ct)
    {
        var r = await link.Handle(Access, evidenceId, new EvidenceTarget(AssessmentId, ControlId, Empty(checkItemId)), ct);
        return r.Error is { } e ? Failed(e) : Done(L("증적을 연결했습니다.", "Evidence linked."));
    }

    public async Task<IActionResult> OnPostUnlinkAsync(Guid evidenceId, Guid linkId, CancellationToken ct)
    {
        var r = await link.Unlink(Access, evidenceId, linkId, ct);
        return r.Error is { } e ? Failed(e) : Done(L("연결을 해제했습니다.", "Unlinked."));
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, string? title, string? checkItemId, int? refreshIntervalDays, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            FlashError = L("파일을 선택하세요.", "Choose a file.");
            return RedirectToPage();
        }

        await using var content = file.OpenReadStream();
        var r = await upload.Handle(Access, null,
            new UploadEvidenceRequest(string.IsNullOrWhiteSpace(title) ? file.FileName : title, null, null, refreshIntervalDays, [new EvidenceTarget(AssessmentId, ControlId, Empty(checkItemId))]),
            new EvidenceFile(content, file.FileName), ct);
        return r.Error is { } e ? Failed(e) : Done(L("증적을 올리고 연결했습니다.", "Evidence uploaded and linked."));
    }

    public async Task<IActionResult> OnPostSuggestionAsync(Guid suggestionId, int version, bool accepted, CancellationToken ct)
    {
        var r = accepted
            ? await accept.Handle(Access, AssessmentId, suggestionId, new DecideSuggestionRequest(version), ct)
            : await dismiss.Handle(Access, AssessmentId, suggestionId, new DecideSuggestionRequest(version), ct);
        return r.Error is { } e ? Failed(e) : Done(accepted ? L("제안을 결과로 기록했습니다.", "The suggestion was recorded as the result.") : L("제안을 기각했습니다.", "The suggestion was dismissed."));
    }

    private async Task<bool> Load(CancellationToken ct)
    {
        var d = await get.Handle(Access, AssessmentId, ControlId, ct);
        if (d.Error is not null)
        {
            return false;
        }

        Detail = d.Value;
        Members = await members.Handle(Access, ct);
        Library = (await library.Handle(Access, new EvidenceFilter(Take: 200), ct)).Items;
        Automation = (await automation.Handle(Access, AssessmentId, ControlId, ct)).Value;
        if ((await inheritance.Handle(Access, AssessmentId, ct)).Value is { } cloud && cloud.Summary.Inherited + cloud.Summary.Shared > 0)
        {
            Cloud = cloud.Controls.FirstOrDefault(x => x.ControlId == ControlId);
            CloudProviders = cloud.Providers;
        }

        return true;
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
