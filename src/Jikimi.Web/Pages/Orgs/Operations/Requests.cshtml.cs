using Jikimi.Application.SubjectRequests;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Programme;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs.Operations;

/// <summary>The log of data subjects' requests (3.5.2): the use cases behind /api/v1/orgs/{orgId}/subject-requests.</summary>
public sealed class RequestsModel(ListSubjectRequests list, LogSubjectRequest log, RespondToSubjectRequest respond) : OrgPage
{
    public SubjectRequestLogView Log { get; private set; } = new([], 0, 0, 0);

    public string? Status { get; private set; }

    public bool CanEdit => Role.CanManageWorkspace();

    public static IEnumerable<SubjectRequestKind> Kinds => Enum.GetValues<SubjectRequestKind>();

    public static IEnumerable<SubjectRequestOutcome> Outcomes => Enum.GetValues<SubjectRequestOutcome>();

    public async Task<IActionResult> OnGetAsync(string? status, CancellationToken ct)
    {
        var r = await list.Handle(Access, status, ct);
        if (r.Error is { } e)
        {
            return Fail(e);
        }

        Status = status;
        Log = r.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostLogAsync(string? kind, DateOnly? receivedOn, string? channel, string? reference, string? summary, CancellationToken ct)
    {
        var r = await log.Handle(Access, new LogSubjectRequestRequest(kind, receivedOn, channel, reference, summary), ct);
        return r.Error is { } e
            ? Failed(e, OrgUrl("/subject-requests"))
            : Done(L($"요구 #{r.Value!.Number}을(를) 기록했습니다. 처리 기한: {r.Value.DueOn:yyyy-MM-dd}", $"Request #{r.Value!.Number} logged; answer by {r.Value.DueOn:yyyy-MM-dd}."), OrgUrl("/subject-requests"));
    }

    public async Task<IActionResult> OnPostRespondAsync(Guid id, string? outcome, DateOnly? respondedOn, string? response, int? version, CancellationToken ct)
    {
        var r = await respond.Handle(Access, id, new RespondToSubjectRequestRequest(outcome, respondedOn, response, version), ct);
        return r.Error is { } e ? Failed(e, OrgUrl("/subject-requests")) : Done(L("처리 결과를 기록했습니다.", "Answer recorded."), OrgUrl("/subject-requests"));
    }
}
