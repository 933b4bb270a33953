using Jikimi.Domain.Common;

namespace Jikimi.Domain.Programme;

/// <summary>The data subject's rights a request exercises (3.5.2 정보주체 권리보장).</summary>
public enum SubjectRequestKind
{
    Access = 0,
    CorrectionDeletion = 1,
    Suspension = 2,
    ConsentWithdrawal = 3,
}

/// <summary>How the organization answered.</summary>
public enum SubjectRequestOutcome
{
    Fulfilled = 0,
    PartlyFulfilled = 1,
    Refused = 2,
}

public static class SubjectRequestKinds
{
    public static string ToWire(this SubjectRequestKind k) => k switch
    {
        SubjectRequestKind.CorrectionDeletion => "correction-deletion",
        SubjectRequestKind.Suspension => "suspension",
        SubjectRequestKind.ConsentWithdrawal => "consent-withdrawal",
        _ => "access",
    };

    public static string TitleKo(this SubjectRequestKind k) => k switch
    {
        SubjectRequestKind.CorrectionDeletion => "정정·삭제",
        SubjectRequestKind.Suspension => "처리정지",
        SubjectRequestKind.ConsentWithdrawal => "동의 철회",
        _ => "열람",
    };

    public static string TitleEn(this SubjectRequestKind k) => k switch
    {
        SubjectRequestKind.CorrectionDeletion => "Correction / deletion",
        SubjectRequestKind.Suspension => "Suspension of processing",
        SubjectRequestKind.ConsentWithdrawal => "Withdrawal of consent",
        _ => "Access",
    };

    public static bool TryParse(string? text, out SubjectRequestKind kind)
    {
        foreach (var k in Enum.GetValues<SubjectRequestKind>())
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

    public static string ToWire(this SubjectRequestOutcome o) => o switch
    {
        SubjectRequestOutcome.PartlyFulfilled => "partly-fulfilled",
        SubjectRequestOutcome.Refused => "refused",
        _ => "fulfilled",
    };

    public static string TitleKo(this SubjectRequestOutcome o) => o switch
    {
        SubjectRequestOutcome.PartlyFulfilled => "일부 조치",
        SubjectRequestOutcome.Refused => "거절",
        _ => "조치 완료",
    };

    public static string TitleEn(this SubjectRequestOutcome o) => o switch
    {
        SubjectRequestOutcome.PartlyFulfilled => "Partly fulfilled",
        SubjectRequestOutcome.Refused => "Refused",
        _ => "Fulfilled",
    };

    public static bool TryParse(string? text, out SubjectRequestOutcome outcome)
    {
        foreach (var o in Enum.GetValues<SubjectRequestOutcome>())
        {
            if (string.Equals(o.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                outcome = o;
                return true;
            }
        }

        outcome = default;
        return false;
    }
}

/// <summary>
/// One data subject's request in the organization's log (3.5.2). It holds no personal data of the requester: a
/// reference (the ticket or form number the organization uses) identifies the case in its own systems. The answer
/// deadline comes from the rule set in force on the day the request arrived and is kept with its legal basis.
/// </summary>
public sealed class SubjectRequest : ITenantOwned
{
    private SubjectRequest()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public int Number { get; private set; }
    public SubjectRequestKind Kind { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public string? Channel { get; private set; }

    /// <summary>The organization's own case reference (never a name, phone number or e-mail address).</summary>
    public string? Reference { get; private set; }
    public string? Summary { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string RuleSetId { get; private set; } = string.Empty;
    public string BasisKo { get; private set; } = string.Empty;
    public string BasisEn { get; private set; } = string.Empty;
    public SubjectRequestOutcome? Outcome { get; private set; }
    public DateOnly? RespondedOn { get; private set; }
    public string? Response { get; private set; }
    public Guid? RespondedBy { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid CreatedBy { get; private set; }
    public int Version { get; private set; }

    public bool IsOpen => RespondedOn is null;

    public bool IsOverdue(DateOnly today) => RespondedOn is null && today > DueOn;

    public bool AnsweredLate => RespondedOn is { } r && r > DueOn;

    public static Result<SubjectRequest> Create(Guid organizationId, int number, SubjectRequestKind kind, DateOnly receivedOn, string? channel, string? reference, string? summary, SubjectRequestRules rules, DateOnly today, Guid by, DateTime now)
    {
        if (!Enum.IsDefined(kind))
        {
            return new Invalid("kind", "Unknown request kind.");
        }

        if (receivedOn > today)
        {
            return new Invalid("receivedOn", "receivedOn cannot be in the future.");
        }

        var c = Text.Optional("channel", channel, 100);
        var r = Text.Optional("reference", reference, 100);
        var s = Text.Optional("summary", summary, 1000);
        if ((c.Error ?? r.Error ?? s.Error) is { } e)
        {
            return e;
        }

        var set = rules.For(receivedOn);
        if (set is null || !set.Kinds.TryGetValue(kind.ToWire(), out var deadline))
        {
            return new SubjectRequestNoRule(receivedOn);
        }

        return new SubjectRequest
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            Number = number,
            Kind = kind,
            ReceivedOn = receivedOn,
            Channel = c.Value,
            Reference = r.Value,
            Summary = s.Value,
            DueOn = receivedOn.AddDays(deadline.Days),
            RuleSetId = set.Id,
            BasisKo = deadline.BasisKo,
            BasisEn = deadline.BasisEn,
            CreatedAt = now,
            CreatedBy = by,
            Version = 1,
        };
    }

    /// <summary>Records the answer: what was done and on which day (not before the request arrived, not in the future).</summary>
    public Result Respond(SubjectRequestOutcome outcome, DateOnly on, string? response, DateOnly today, Guid by)
    {
        if (RespondedOn is not null)
        {
            return new SubjectRequestAnswered(Number);
        }

        if (!Enum.IsDefined(outcome))
        {
            return new Invalid("outcome", "Unknown outcome.");
        }

        if (on < ReceivedOn || on > today)
        {
            return new Invalid("respondedOn", "respondedOn must lie between the day the request arrived and today.");
        }

        var text = Text.Optional("response", response, 2000);
        if (text.Error is { } e)
        {
            return e;
        }

        if (outcome != SubjectRequestOutcome.Fulfilled && text.Value is null)
        {
            return new SubjectRequestReasonRequired();
        }

        Outcome = outcome;
        RespondedOn = on;
        Response = text.Value;
        RespondedBy = by;
        Version++;
        return Result.Ok;
    }
}

public sealed record SubjectRequestNoRule(DateOnly ReceivedOn) : RuleError("subject_request.no_rule", $"No answer period is known for requests received on {ReceivedOn:yyyy-MM-dd}.");

public sealed record SubjectRequestAnswered(int Number) : ConflictError("subject_request.answered", $"Request #{Number} has already been answered.");

public sealed record SubjectRequestReasonRequired() : RuleError("subject_request.reason_required", "A refusal or a partial answer needs its reason (the notice sent to the data subject).");
