using Jikimi.Domain.Programme;

namespace Jikimi.Application.Meetings;

public sealed record MeetingActionRequest(string? Description, string? Owner, DateOnly? DueOn);

public sealed record RecordMeetingRequest(string? Kind, string? Title, DateOnly? HeldOn, string? Agenda, string? Attendees, string? Decisions, string? Minutes, IReadOnlyList<MeetingActionRequest>? Actions);

public sealed record CompleteMeetingActionRequest(DateOnly? DoneOn, int? Version);

public sealed record MeetingActionView(Guid Id, string Description, string Owner, DateOnly DueOn, DateOnly? DoneOn, bool Overdue, int Version)
{
    public static MeetingActionView Of(MeetingAction a, DateOnly today) => new(a.Id, a.Description, a.Owner, a.DueOn, a.DoneOn, a.IsOverdue(today), a.Version);
}

public sealed record MeetingView(
    Guid Id, int Number, string Kind, string KindKo, string KindEn, string Title, DateOnly HeldOn, string Agenda, IReadOnlyList<string> Attendees,
    string? Decisions, string? Minutes, IReadOnlyList<string> Controls, Guid? EvidenceId, IReadOnlyList<MeetingActionView> Actions, int Version)
{
    public static MeetingView Of(Meeting m, IEnumerable<MeetingAction> actions, DateOnly today) => new(
        m.Id, m.Number, m.Kind.ToWire(), m.Kind.TitleKo(), m.Kind.TitleEn(), m.Title, m.HeldOn, m.Agenda, m.AttendeeList,
        m.Decisions, m.Minutes, m.Kind.Controls(), m.EvidenceId, actions.OrderBy(a => a.DueOn).Select(a => MeetingActionView.Of(a, today)).ToList(), m.Version);
}
