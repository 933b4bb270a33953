using Jikimi.Domain.Common;

namespace Jikimi.Domain.Audits;

public enum AuditKind
{
    /// <summary>최초심사.</summary>
    Initial = 0,

    /// <summary>사후심사: at least once a year while the certificate is valid.</summary>
    Surveillance = 1,

    /// <summary>갱신심사: before the certificate expires.</summary>
    Renewal = 2,
}

public enum AuditStatus
{
    /// <summary>Scheduled (automatically, for surveillance and renewal) or applied for.</summary>
    Planned = 0,

    /// <summary>The audit team is at work.</summary>
    InProgress = 1,

    /// <summary>The committee asked for more before deciding (조건부).</summary>
    Conditional = 2,

    /// <summary>The committee decided: approved or rejected.</summary>
    Decided = 3,
}

public enum CommitteeDecision
{
    Approve = 0,
    Conditional = 1,
    Reject = 2,
}

/// <summary>
/// One certification audit (최초·사후·갱신심사): the body and team, the audit period and sampling notes, then the
/// committee's decision. Auditors see and write only the audits they are assigned to (<see cref="AuditorAssignment"/>).
/// </summary>
public sealed class Audit : ITenantOwned
{
    private Audit()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public AuditKind Kind { get; private set; }
    public AuditStatus Status { get; private set; }
    public Guid? AssessmentId { get; private set; }
    public Guid? CertificateId { get; private set; }
    public Guid? SeededFromId { get; private set; }
    public string? Body { get; private set; }
    public string? Team { get; private set; }
    public DateOnly? PeriodStart { get; private set; }
    public DateOnly? PeriodEnd { get; private set; }

    /// <summary>The latest day this audit must take place (surveillance: within a year; renewal: before expiry).</summary>
    public DateOnly? DueBy { get; private set; }
    public string? SamplingNotes { get; private set; }
    public DateOnly? OperatingSince { get; private set; }

    /// <summary>Other certifications held (ISO/IEC 27001 lets part of the audit be omitted, 법 제47조③).</summary>
    public string? OtherCertifications { get; private set; }
    public DateOnly? AppliedOn { get; private set; }
    public CommitteeDecision? Decision { get; private set; }
    public string? DecisionNote { get; private set; }
    public DateOnly? DecidedOn { get; private set; }

    /// <summary>The day an appeal (이의신청) against the decision was recorded, 고시 제36조 [S].</summary>
    public DateOnly? AppealedOn { get; private set; }
    public string? AppealNote { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public int Version { get; private set; }

    public sealed record Details(string? Body, string? Team, DateOnly? PeriodStart, DateOnly? PeriodEnd, string? SamplingNotes, string? OtherCertifications);

    /// <summary>An application for the first certificate: the management system must have operated long enough.</summary>
    public static Result<Audit> Apply(Guid organizationId, Guid? assessmentId, DateOnly? operatingSince, DateOnly appliedOn, Details details, CertificationPolicy policy, DateTime now)
    {
        if (operatingSince is not { } since)
        {
            return new OperatingSinceRequired();
        }

        var earliest = since.AddMonths(policy.MinimumOperatingMonths);
        if (appliedOn < earliest)
        {
            return new OperatingPeriodTooShort(since, earliest, policy.MinimumOperatingMonths);
        }

        var a = New(organizationId, AuditKind.Initial, assessmentId, null, null, now);
        a.OperatingSince = since;
        a.AppliedOn = appliedOn;
        return a.Change(details) is { Error: { } e } ? e : a;
    }

    /// <summary>A surveillance or renewal audit of a certificate, due by the given day (scheduled automatically).</summary>
    public static Audit Schedule(Guid organizationId, AuditKind kind, Guid certificateId, DateOnly dueBy, DateTime now)
    {
        var a = New(organizationId, kind, null, certificateId, null, now);
        a.DueBy = dueBy;
        return a;
    }

    private static Audit New(Guid organizationId, AuditKind kind, Guid? assessmentId, Guid? certificateId, Guid? seededFrom, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = organizationId,
        Kind = kind,
        Status = AuditStatus.Planned,
        AssessmentId = assessmentId,
        CertificateId = certificateId,
        SeededFromId = seededFrom,
        CreatedAt = now,
    };

    /// <summary>Copies what carries over from last year's audit: body, team, sampling notes, other certifications.</summary>
    public Result SeedFrom(Audit previous)
    {
        if (Status == AuditStatus.Decided)
        {
            return new AuditDecided();
        }

        SeededFromId = previous.Id;
        Body ??= previous.Body;
        Team ??= previous.Team;
        SamplingNotes ??= previous.SamplingNotes;
        OtherCertifications ??= previous.OtherCertifications;
        Version++;
        return Result.Ok;
    }

    public Result Change(Details d)
    {
        if (Status == AuditStatus.Decided)
        {
            return new AuditDecided();
        }

        var body = Text.Optional("body", d.Body, 200);
        var team = Text.Optional("team", d.Team, 2000);
        var sampling = Text.Optional("samplingNotes", d.SamplingNotes, 20_000);
        var other = Text.Optional("otherCertifications", d.OtherCertifications, 2000);
        if ((body.Error ?? team.Error ?? sampling.Error ?? other.Error) is { } e)
        {
            return e;
        }

        if (d.PeriodStart is { } s && d.PeriodEnd is { } end && end < s)
        {
            return new Invalid("periodEnd", "The audit period ends before it starts.");
        }

        Body = body.Value;
        Team = team.Value;
        PeriodStart = d.PeriodStart;
        PeriodEnd = d.PeriodEnd;
        SamplingNotes = sampling.Value;
        OtherCertifications = other.Value;
        Version++;
        return Result.Ok;
    }

    public void AttachAssessment(Guid assessmentId) => AssessmentId = assessmentId;

    public Result Start()
    {
        if (Status != AuditStatus.Planned)
        {
            return Status == AuditStatus.Decided ? new AuditDecided() : new AuditAlreadyStarted();
        }

        Status = AuditStatus.InProgress;
        Version++;
        return Result.Ok;
    }

    /// <summary>The committee's decision (인증위원회). Approval needs every finding closed.</summary>
    public Result Decide(CommitteeDecision decision, string? note, DateOnly on, int openFindings)
    {
        if (Status == AuditStatus.Decided)
        {
            return new AuditDecided();
        }

        var n = Text.Optional("note", note, 4000);
        if (n.Error is { } e)
        {
            return e;
        }

        if (decision == CommitteeDecision.Approve && openFindings > 0)
        {
            return new FindingsStillOpen(openFindings);
        }

        Decision = decision;
        DecisionNote = n.Value;
        DecidedOn = on;
        Status = decision == CommitteeDecision.Conditional ? AuditStatus.Conditional : AuditStatus.Decided;
        Version++;
        return Result.Ok;
    }

    /// <summary>The last day an appeal can be lodged, once the committee has decided.</summary>
    public DateOnly? AppealBy(CertificationPolicy policy) => Status == AuditStatus.Decided && DecidedOn is { } d ? policy.AppealBy(d) : null;

    /// <summary>
    /// Records an appeal (이의신청) against the committee's final decision, lodged on <paramref name="on"/>: only within
    /// <see cref="CertificationPolicy.AppealDays"/> of the decision (고시 제36조 [S]), and once.
    /// </summary>
    public Result RecordAppeal(string? note, DateOnly on, CertificationPolicy policy)
    {
        if (AppealBy(policy) is not { } last)
        {
            return new AuditNotDecided();
        }

        if (AppealedOn is not null)
        {
            return new AppealAlreadyRecorded();
        }

        if (on > last)
        {
            return new AppealWindowClosed(last, policy.AppealDays);
        }

        var n = Text.Required("note", note, 4000);
        if (n.Error is { } e)
        {
            return e;
        }

        AppealedOn = on;
        AppealNote = n.Value;
        Version++;
        return Result.Ok;
    }

    /// <summary>The day the audit counts as held (for the next surveillance): its last day, else the decision.</summary>
    public DateOnly? HeldOn => PeriodEnd ?? DecidedOn;

    public bool IsOverdue(DateOnly today) => Status is AuditStatus.Planned or AuditStatus.InProgress && DueBy is { } d && today > d;
}

/// <summary>An auditor's access to exactly one audit: read the workspace, write findings, never change results.</summary>
public sealed class AuditorAssignment : ITenantOwned
{
    private AuditorAssignment()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid AuditId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static AuditorAssignment Create(Guid organizationId, Guid auditId, Guid userId, DateTime now) =>
        new() { Id = Guid.NewGuid(), OrganizationId = organizationId, AuditId = auditId, UserId = userId, CreatedAt = now };
}
