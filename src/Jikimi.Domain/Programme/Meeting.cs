using Jikimi.Domain.Common;

namespace Jikimi.Domain.Programme;

/// <summary>Which body met: the information-security committee (정보보호위원회) or its working group (실무협의체).</summary>
public enum MeetingKind
{
    Committee = 0,
    WorkingGroup = 1,
}

public static class MeetingKinds
{
    public static string ToWire(this MeetingKind k) => k == MeetingKind.WorkingGroup ? "working-group" : "committee";

    public static string TitleKo(this MeetingKind k) => k == MeetingKind.WorkingGroup ? "정보보호 실무협의체" : "정보보호위원회";

    public static string TitleEn(this MeetingKind k) => k == MeetingKind.WorkingGroup ? "Security working group" : "Information security committee";

    /// <summary>
    /// The controls a meeting's minutes support: the committee shows executive participation (1.1.1), the
    /// organization (1.1.3) and management-system improvement decided at the top (1.4.3); the working group shows
    /// the organization (1.1.3).
    /// </summary>
    public static IReadOnlyList<string> Controls(this MeetingKind k) => k == MeetingKind.WorkingGroup ? ["1.1.3"] : ["1.1.1", "1.1.3", "1.4.3"];

    public static bool TryParse(string? text, out MeetingKind kind)
    {
        foreach (var k in Enum.GetValues<MeetingKind>())
        {
            if (string.Equals(k.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

/// <summary>
/// One meeting of the committee or working group (1.1.1, 1.1.3, 1.4.3): agenda, attendees, decisions and the
/// minutes, numbered per organization. Attendees are the participants' names and positions as the minutes list
/// them; they are work records, not data about customers, and never go to logs.
/// </summary>
public sealed class Meeting : ITenantOwned
{
    public const int TextMax = 4000;

    private Meeting()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public int Number { get; private set; }
    public MeetingKind Kind { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public DateOnly HeldOn { get; private set; }
    public string Agenda { get; private set; } = string.Empty;
    public string Attendees { get; private set; } = string.Empty;
    public string? Decisions { get; private set; }
    public string? Minutes { get; private set; }

    /// <summary>The evidence item the minutes were recorded as (null until saved).</summary>
    public Guid? EvidenceId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid CreatedBy { get; private set; }
    public int Version { get; private set; }

    public static Result<Meeting> Create(Guid organizationId, int number, MeetingKind kind, string? title, DateOnly heldOn, string? agenda, string? attendees, string? decisions, string? minutes, DateOnly today, Guid by, DateTime now)
    {
        if (!Enum.IsDefined(kind))
        {
            return new Invalid("kind", "Unknown meeting kind.");
        }

        if (heldOn > today)
        {
            return new Invalid("heldOn", "heldOn cannot be in the future: record a meeting once it has taken place.");
        }

        var t = Text.Required("title", title, 300);
        var a = Text.Required("agenda", agenda, TextMax);
        var p = Text.Required("attendees", attendees, 2000);
        var d = Text.Optional("decisions", decisions, TextMax);
        var m = Text.Optional("minutes", minutes, TextMax);
        if ((t.Error ?? a.Error ?? p.Error ?? d.Error ?? m.Error) is { } e)
        {
            return e;
        }

        return new Meeting
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            Number = number,
            Kind = kind,
            Title = t.Value!,
            HeldOn = heldOn,
            Agenda = a.Value!,
            Attendees = p.Value!,
            Decisions = d.Value,
            Minutes = m.Value,
            CreatedAt = now,
            CreatedBy = by,
            Version = 1,
        };
    }

    /// <summary>The attendees one per line (the form takes one per line or comma-separated).</summary>
    public IReadOnlyList<string> AttendeeList => Attendees.Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void LinkEvidence(Guid evidenceId)
    {
        EvidenceId = evidenceId;
        Version++;
    }
}

/// <summary>An action item a meeting decided: what, who owns it, by when, and when it was done.</summary>
public sealed class MeetingAction : ITenantOwned
{
    private MeetingAction()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid MeetingId { get; private set; }
    public string Description { get; private set; } = string.Empty;
    public string Owner { get; private set; } = string.Empty;
    public DateOnly DueOn { get; private set; }
    public DateOnly? DoneOn { get; private set; }
    public Guid? DoneBy { get; private set; }
    public int Version { get; private set; }

    public bool IsOverdue(DateOnly today) => DoneOn is null && today > DueOn;

    public static Result<MeetingAction> Create(Meeting meeting, string? description, string? owner, DateOnly? dueOn)
    {
        var d = Text.Required("actions.description", description, 1000);
        var o = Text.Required("actions.owner", owner, 200);
        if ((d.Error ?? o.Error) is { } e)
        {
            return e;
        }

        if (dueOn is not { } due || due < meeting.HeldOn)
        {
            return new Invalid("actions.dueOn", "Each action item needs a due date on or after the meeting.");
        }

        return new MeetingAction { Id = Guid.NewGuid(), OrganizationId = meeting.OrganizationId, MeetingId = meeting.Id, Description = d.Value!, Owner = o.Value!, DueOn = due, Version = 1 };
    }

    /// <summary>Marks the item done on a day between the meeting and today.</summary>
    public Result Complete(DateOnly on, DateOnly heldOn, DateOnly today, Guid by)
    {
        if (DoneOn is not null)
        {
            return new MeetingActionDone();
        }

        if (on < heldOn || on > today)
        {
            return new Invalid("doneOn", "doneOn must lie between the meeting and today.");
        }

        DoneOn = on;
        DoneBy = by;
        Version++;
        return Result.Ok;
    }
}

public sealed record MeetingActionDone() : ConflictError("meeting.action_done", "The action item is done already.");
