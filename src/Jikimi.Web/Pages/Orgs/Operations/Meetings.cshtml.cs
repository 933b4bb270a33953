using Jikimi.Application.Meetings;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Programme;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs.Operations;

/// <summary>Committee and working-group meetings (1.1.1, 1.1.3, 1.4.3): the use cases behind /api/v1/orgs/{orgId}/meetings.</summary>
public sealed class MeetingsModel(ListMeetings list, RecordMeeting record, CompleteMeetingAction complete) : OrgPage
{
    /// <summary>Action rows the form offers; more can be added through the API.</summary>
    public const int FormActions = 3;

    public IReadOnlyList<MeetingView> Meetings { get; private set; } = [];

    public bool CanEdit => Role.CanManageWorkspace();

    public static IEnumerable<MeetingKind> Kinds => Enum.GetValues<MeetingKind>();

    public async Task OnGetAsync(CancellationToken ct) => Meetings = await list.Handle(Access, ct);

    public async Task<IActionResult> OnPostRecordAsync(string? kind, string? title, DateOnly? heldOn, string? agenda, string? attendees, string? decisions, string? minutes,
        string[]? actionDescription, string[]? actionOwner, DateOnly?[]? actionDue, CancellationToken ct)
    {
        var actions = new List<MeetingActionRequest>();
        for (var i = 0; i < Math.Min(actionDescription?.Length ?? 0, FormActions); i++)
        {
            if (!string.IsNullOrWhiteSpace(actionDescription![i]))
            {
                actions.Add(new MeetingActionRequest(actionDescription[i], actionOwner?.ElementAtOrDefault(i), actionDue?.ElementAtOrDefault(i)));
            }
        }

        var r = await record.Handle(Access, new RecordMeetingRequest(kind, title, heldOn, agenda, attendees, decisions, minutes, actions), ct);
        return r.Error is { } e
            ? Failed(e, OrgUrl("/meetings"))
            : Done(L($"회의 #{r.Value!.Number}을(를) 기록했고 회의록을 증적으로 남겼습니다.", $"Meeting #{r.Value!.Number} recorded; its minutes are now evidence."), OrgUrl("/meetings"));
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid meetingId, Guid actionId, DateOnly? doneOn, int? version, CancellationToken ct)
    {
        var r = await complete.Handle(Access, meetingId, actionId, new CompleteMeetingActionRequest(doneOn, version), ct);
        return r.Error is { } e ? Failed(e, OrgUrl("/meetings")) : Done(L("조치 완료를 기록했습니다.", "Action item marked done."), OrgUrl("/meetings"));
    }
}
