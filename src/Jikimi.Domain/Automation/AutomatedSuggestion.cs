using Jikimi.Domain.Assessments;
using Jikimi.Domain.Common;

namespace Jikimi.Domain.Automation;

public enum SuggestionState
{
    Pending = 0,
    Accepted = 1,
    Dismissed = 2,

    /// <summary>A later run of the same series judged the check item again; this suggestion no longer stands.</summary>
    Superseded = 3,
}

/// <summary>
/// What a run suggests for one check item: 미이행 (every result on it failed) or 부분 이행 (some failed, some
/// passed). Automation only ever writes suggestions; a person accepts one into the check item's result or
/// dismisses it (ADR 0041). A later run of the same series supersedes a pending suggestion.
/// </summary>
public sealed class AutomatedSuggestion : ITenantOwned
{
    private AutomatedSuggestion()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid AssessmentId { get; private set; }
    public Guid RunId { get; private set; }
    public string ControlId { get; private set; } = string.Empty;
    public string CheckItemId { get; private set; } = string.Empty;
    public CheckResult Suggested { get; private set; }
    public int Failing { get; private set; }
    public int Passing { get; private set; }
    public SuggestionState State { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public string? DecidedBy { get; private set; }
    public int Version { get; private set; }

    /// <summary>Null when the results give nothing to suggest (no failure on the check item).</summary>
    public static AutomatedSuggestion? From(AutomatedRun run, string controlId, int checkItem, int failing, int passing, DateTime now) =>
        failing <= 0 || checkItem <= 0 ? null : new AutomatedSuggestion
        {
            Id = Guid.NewGuid(),
            OrganizationId = run.OrganizationId,
            AssessmentId = run.AssessmentId,
            RunId = run.Id,
            ControlId = controlId,
            CheckItemId = $"{controlId}-{checkItem}",
            Suggested = passing > 0 ? CheckResult.Partial : CheckResult.NotFulfilled,
            Failing = failing,
            Passing = passing,
            State = SuggestionState.Pending,
            CreatedAt = now,
        };

    public Result Accept(Guid userId, string name, DateTime now) => Decide(SuggestionState.Accepted, userId, name, now);

    public Result Dismiss(Guid userId, string name, DateTime now) => Decide(SuggestionState.Dismissed, userId, name, now);

    public void Supersede(DateTime now)
    {
        if (State == SuggestionState.Pending)
        {
            State = SuggestionState.Superseded;
            DecidedAt = now;
            Version++;
        }
    }

    private Result Decide(SuggestionState to, Guid userId, string name, DateTime now)
    {
        if (State != SuggestionState.Pending)
        {
            return new SuggestionNotPending(Id, State.ToWire());
        }

        State = to;
        DecidedAt = now;
        DecidedByUserId = userId;
        DecidedBy = name.Length > 200 ? name[..200] : name;
        Version++;
        return Result.Ok;
    }
}

public static class SuggestionWire
{
    public static string ToWire(this SuggestionState s) => s switch
    {
        SuggestionState.Accepted => "accepted",
        SuggestionState.Dismissed => "dismissed",
        SuggestionState.Superseded => "superseded",
        _ => "pending",
    };
}

/// <summary>The suggestion was already accepted, dismissed or superseded by a later run.</summary>
public sealed record SuggestionNotPending(Guid Id, string State) : ConflictError(
    "automation.suggestion_not_pending",
    $"The suggestion {Id} is no longer pending (it is {State}); nothing was changed.");
