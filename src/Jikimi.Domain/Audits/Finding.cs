using Jikimi.Domain.Common;

namespace Jikimi.Domain.Audits;

public enum FindingSeverity
{
    Low = 0,
    Medium = 1,
    High = 2,
}

public enum FindingStatus
{
    /// <summary>Notified; the organization owes a corrective-action plan.</summary>
    Open = 0,

    /// <summary>A plan (root cause, action, owner, due date) was submitted.</summary>
    PlanSubmitted = 1,

    /// <summary>The organization reports it fixed, with evidence; the auditor verifies.</summary>
    Fixed = 2,

    /// <summary>The auditor found the fix insufficient: re-correction (보완조치 재조치) within the extra period.</summary>
    Recorrection = 3,

    /// <summary>Verified and closed.</summary>
    Closed = 4,

    /// <summary>The certification committee sent it back: further correction (추가 보완조치) within its own period, 고시 제25조⑤ [S].</summary>
    FurtherCorrection = 5,
}

/// <summary>
/// A finding (결함) against a control and check item, and its corrective action (보완조치): open → plan submitted →
/// fixed (with evidence) → verified and closed, or sent back for re-correction once. Deadlines: the correction
/// period from the notice, then the re-correction period on top (<see cref="CertificationPolicy"/>). The committee may
/// then send a fixed or closed finding back once more for further correction (제25조⑤); when that period lapses the
/// organization can no longer plan or report it, and the committee can only reject (approval needs every finding closed).
/// </summary>
public sealed class Finding : ITenantOwned
{
    private Finding()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid AuditId { get; private set; }
    public int Number { get; private set; }
    public string ControlId { get; private set; } = string.Empty;
    public string? CheckItemId { get; private set; }
    public string Description { get; private set; } = string.Empty;
    public string? EvidenceRefs { get; private set; }
    public FindingSeverity Severity { get; private set; }
    public FindingStatus Status { get; private set; }
    public DateOnly NoticeOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly? RecorrectionDueOn { get; private set; }
    public string? RootCause { get; private set; }
    public string? Action { get; private set; }
    public string? Owner { get; private set; }
    public DateOnly? PlanDueOn { get; private set; }
    public string? FixEvidence { get; private set; }
    public string? VerificationNote { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public DateOnly? FurtherCorrectionRequestedOn { get; private set; }
    public DateOnly? FurtherCorrectionDueOn { get; private set; }
    public string? FurtherCorrectionNote { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public int Version { get; private set; }

    public static Result<Finding> Create(Guid organizationId, Guid auditId, int number, string controlId, string? checkItemId, string? description, string? evidenceRefs, FindingSeverity severity, DateOnly noticeOn, CertificationPolicy policy, Guid createdBy, DateTime now)
    {
        var d = Text.Required("description", description, 10_000);
        var ev = Text.Optional("evidenceRefs", evidenceRefs, 4000);
        if ((d.Error ?? ev.Error) is { } e)
        {
            return e;
        }

        return new Finding
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            AuditId = auditId,
            Number = number,
            ControlId = controlId,
            CheckItemId = checkItemId,
            Description = d.Value!,
            EvidenceRefs = ev.Value,
            Severity = severity,
            Status = FindingStatus.Open,
            NoticeOn = noticeOn,
            DueOn = noticeOn.AddDays(policy.CorrectionDays),
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }

    /// <summary>The deadline that applies now: further correction, else re-correction once sent back, else the correction deadline.</summary>
    public DateOnly CurrentDueOn => FurtherCorrectionDueOn ?? RecorrectionDueOn ?? DueOn;

    public bool IsOverdue(DateOnly today) => Status != FindingStatus.Closed && today > CurrentDueOn;

    /// <summary>The committee's further-correction period is over and the finding is still not closed.</summary>
    public bool FurtherCorrectionLapsed(DateOnly today) => FurtherCorrectionDueOn is { } d && Status != FindingStatus.Closed && today > d;

    /// <summary>
    /// The certification committee sends a fixed or closed finding back for further correction (고시 제25조⑤ [S]), once:
    /// the deadline is <paramref name="on"/> + <see cref="CertificationPolicy.FurtherCorrectionDays"/>.
    /// </summary>
    public Result RequestFurtherCorrection(string? note, DateOnly on, CertificationPolicy policy)
    {
        if (FurtherCorrectionDueOn is not null)
        {
            return new FurtherCorrectionUsed();
        }

        if (Status is not (FindingStatus.Fixed or FindingStatus.Closed))
        {
            return new FindingWrongState("sent back by the committee (only a fixed or closed finding)", Wire(Status));
        }

        var n = Text.Required("note", note, 4000);
        if (n.Error is { } e)
        {
            return e;
        }

        FurtherCorrectionNote = n.Value;
        FurtherCorrectionRequestedOn = on;
        FurtherCorrectionDueOn = policy.FurtherCorrectionDue(on);
        Status = FindingStatus.FurtherCorrection;
        ClosedOn = null;
        Version++;
        return Result.Ok;
    }

    public Result SubmitPlan(string? rootCause, string? action, string? owner, DateOnly? dueOn, DateOnly today)
    {
        if (Status is not (FindingStatus.Open or FindingStatus.PlanSubmitted or FindingStatus.Recorrection or FindingStatus.FurtherCorrection))
        {
            return Status == FindingStatus.Closed ? new FindingClosed() : new FindingWrongState("planned", Wire(Status));
        }

        if (FurtherCorrectionLapsed(today))
        {
            return new FurtherCorrectionLapsed(FurtherCorrectionDueOn!.Value);
        }

        var rc = Text.Required("rootCause", rootCause, 4000);
        var ac = Text.Required("action", action, 4000);
        var ow = Text.Required("owner", owner, 200);
        if ((rc.Error ?? ac.Error ?? ow.Error) is { } e)
        {
            return e;
        }

        if (dueOn is not { } due)
        {
            return new Invalid("dueOn", "dueOn is required: the day the action will be done.");
        }

        if (due > CurrentDueOn)
        {
            return new Invalid("dueOn", $"The action must be done by the correction deadline {CurrentDueOn:yyyy-MM-dd}.");
        }

        RootCause = rc.Value;
        Action = ac.Value;
        Owner = ow.Value;
        PlanDueOn = due;
        Status = FindingStatus.PlanSubmitted;
        Version++;
        return Result.Ok;
    }

    public Result MarkFixed(string? evidence, DateOnly today)
    {
        if (Status != FindingStatus.PlanSubmitted)
        {
            return Status == FindingStatus.Closed ? new FindingClosed() : new FindingWrongState("marked fixed (submit a plan first)", Wire(Status));
        }

        if (FurtherCorrectionLapsed(today))
        {
            return new FurtherCorrectionLapsed(FurtherCorrectionDueOn!.Value);
        }

        var ev = Text.Required("evidence", evidence, 4000);
        if (ev.Error is { } e)
        {
            return e;
        }

        FixEvidence = ev.Value;
        Status = FindingStatus.Fixed;
        Version++;
        return Result.Ok;
    }

    /// <summary>The auditor's verification: closed, or sent back once for re-correction (deadline: due + re-correction days).</summary>
    public Result Verify(bool accepted, string? note, DateOnly today, CertificationPolicy policy)
    {
        if (Status != FindingStatus.Fixed)
        {
            return Status == FindingStatus.Closed ? new FindingClosed() : new FindingWrongState("verified", Wire(Status));
        }

        var n = Text.Optional("note", note, 4000);
        if (n.Error is { } e)
        {
            return e;
        }

        if (!accepted && (RecorrectionDueOn is not null || FurtherCorrectionDueOn is not null))
        {
            return new RecorrectionExhausted();
        }

        VerificationNote = n.Value;
        if (accepted)
        {
            Status = FindingStatus.Closed;
            ClosedOn = today;
        }
        else
        {
            Status = FindingStatus.Recorrection;
            RecorrectionDueOn = DueOn.AddDays(policy.RecorrectionDays);
        }

        Version++;
        return Result.Ok;
    }

    public static string Wire(FindingStatus s) => s switch
    {
        FindingStatus.Open => "open",
        FindingStatus.PlanSubmitted => "plan-submitted",
        FindingStatus.Fixed => "fixed",
        FindingStatus.Recorrection => "recorrection",
        FindingStatus.FurtherCorrection => "further-correction",
        _ => "closed",
    };
}
