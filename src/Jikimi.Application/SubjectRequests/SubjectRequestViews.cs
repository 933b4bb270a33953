using Jikimi.Domain.Programme;

namespace Jikimi.Application.SubjectRequests;

public sealed record LogSubjectRequestRequest(string? Kind, DateOnly? ReceivedOn, string? Channel, string? Reference, string? Summary);

public sealed record RespondToSubjectRequestRequest(string? Outcome, DateOnly? RespondedOn, string? Response, int? Version);

public sealed record SubjectRequestView(
    Guid Id, int Number, string Kind, string KindKo, string KindEn, DateOnly ReceivedOn, string? Channel, string? Reference, string? Summary,
    DateOnly DueOn, int DaysLeft, string RuleSet, string BasisKo, string BasisEn, string Status, bool Overdue, bool AnsweredLate,
    string? Outcome, string? OutcomeKo, string? OutcomeEn, DateOnly? RespondedOn, string? Response, int Version)
{
    public static SubjectRequestView Of(SubjectRequest r, DateOnly today) => new(
        r.Id, r.Number, r.Kind.ToWire(), r.Kind.TitleKo(), r.Kind.TitleEn(), r.ReceivedOn, r.Channel, r.Reference, r.Summary,
        r.DueOn, r.DueOn.DayNumber - today.DayNumber, r.RuleSetId, r.BasisKo, r.BasisEn,
        r.IsOpen ? (r.IsOverdue(today) ? "overdue" : "open") : "answered", r.IsOverdue(today), r.AnsweredLate,
        r.Outcome?.ToWire(), r.Outcome?.TitleKo(), r.Outcome?.TitleEn(), r.RespondedOn, r.Response, r.Version);
}

/// <summary>The log with its counts: open, overdue, answered late.</summary>
public sealed record SubjectRequestLogView(IReadOnlyList<SubjectRequestView> Requests, int Open, int Overdue, int AnsweredLate);
