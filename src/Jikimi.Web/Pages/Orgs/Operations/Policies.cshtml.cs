using Jikimi.Application.Policies;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Programme;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs.Operations;

/// <summary>The policy register and one document's versions, approval, review and acknowledgements: the use cases behind /api/v1/orgs/{orgId}/policies.</summary>
public sealed class PoliciesModel(ListPolicies list, GetPolicy get, CreatePolicy create, UpdatePolicy update, DraftPolicyVersion draft,
    ApprovePolicyVersion approve, ReviewPolicy review, AcknowledgePolicy acknowledge) : OrgPage
{
    public IReadOnlyList<PolicyRowView> Policies { get; private set; } = [];

    public PolicyView? Selected { get; private set; }

    public bool CanEdit => Role.CanManageWorkspace();

    public bool CanApprove => Role.CanApproveRisk();

    public static IEnumerable<PolicyKind> Kinds => Enum.GetValues<PolicyKind>();

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Policies = await list.Handle(Access, ct);
        if (id is { } pid)
        {
            var r = await get.Handle(Access, pid, ct);
            if (r.Error is not null)
            {
                return NotFound();
            }

            Selected = r.Value;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid? id, string? code, string? title, string? kind, string? owner, string? controls, int? reviewIntervalMonths, CancellationToken ct)
    {
        var req = new PolicyRequest(code, title, kind, owner, (controls ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries), reviewIntervalMonths);
        var r = id is { } existing ? await update.Handle(Access, existing, req, ct) : await create.Handle(Access, req, ct);
        return r.Error is { } e ? Failed(e, PolicyUrl(id)) : Done(L("저장했습니다.", "Saved."), PolicyUrl(r.Value!.Id));
    }

    public async Task<IActionResult> OnPostDraftAsync(Guid id, string? changeNote, CancellationToken ct)
    {
        var r = await draft.Handle(Access, id, new DraftPolicyRequest(changeNote), ct);
        return r.Error is { } e ? Failed(e, PolicyUrl(id)) : Done(L($"버전 {r.Value!.Number} 초안을 만들었습니다.", $"Draft version {r.Value!.Number} started."), PolicyUrl(id));
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, DateOnly? effectiveDate, CancellationToken ct)
    {
        var r = await approve.Handle(Access, id, new ApprovePolicyRequest(effectiveDate), ct);
        return r.Error is { } e ? Failed(e, PolicyUrl(id)) : Done(L("승인했습니다. 승인 기록이 증적으로 연결되었습니다.", "Approved; the record is linked as evidence."), PolicyUrl(id));
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, string? note, CancellationToken ct)
    {
        var r = await review.Handle(Access, id, new ReviewPolicy.Request(note), ct);
        return r.Error is { } e ? Failed(e, PolicyUrl(id)) : Done(L("검토를 기록했습니다.", "Review recorded."), PolicyUrl(id));
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken ct)
    {
        var r = await acknowledge.Handle(Access, id, ct);
        return r.Error is { } e ? Failed(e, PolicyUrl(id)) : Done(L("읽었음을 기록했습니다.", "Acknowledgement recorded."), PolicyUrl(id));
    }

    private string PolicyUrl(Guid? id) => OrgUrl("/policies") + (id is { } x ? "?id=" + x : string.Empty);
}
