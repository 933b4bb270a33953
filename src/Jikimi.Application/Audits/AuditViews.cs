using Jikimi.Domain.Audits;

namespace Jikimi.Application.Audits;

public sealed record FindingCounts(int Total, int Open, int Overdue);

public sealed record AuditView(
    Guid Id,
    string Kind,
    string Status,
    Guid? AssessmentId,
    Guid? CertificateId,
    Guid? SeededFromId,
    string? Body,
    string? Team,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    DateOnly? DueBy,
    bool Overdue,
    string? SamplingNotes,
    DateOnly? OperatingSince,
    DateOnly? AppliedOn,
    string? OtherCertifications,
    string? Decision,
    string? DecisionNote,
    DateOnly? DecidedOn,
    IReadOnlyList<Guid> Auditors,
    FindingCounts Findings,
    int Version,
    DateOnly? AppealBy = null,
    DateOnly? AppealedOn = null,
    string? AppealNote = null);

public sealed record FindingView(
    Guid Id,
    Guid AuditId,
    int Number,
    string ControlId,
    string? CheckItemId,
    string Description,
    string? EvidenceRefs,
    string Severity,
    string Status,
    DateOnly NoticeOn,
    DateOnly DueOn,
    DateOnly? RecorrectionDueOn,
    DateOnly CurrentDueOn,
    bool Overdue,
    string? RootCause,
    string? Action,
    string? Owner,
    DateOnly? PlanDueOn,
    string? FixEvidence,
    string? VerificationNote,
    DateOnly? ClosedOn,
    int Version,
    DateOnly? FurtherCorrectionRequestedOn = null,
    DateOnly? FurtherCorrectionDueOn = null,
    string? FurtherCorrectionNote = null,
    bool FurtherCorrectionLapsed = false);

public sealed record NextAudit(Guid Id, string Kind, DateOnly? DueBy);

public sealed record CertificateView(
    Guid Id,
    string Number,
    string Certification,
    string Edition,
    string Scope,
    string? Body,
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    string Status,
    string? StatusReason,
    Guid AuditId,
    Guid? PreviousId,
    NextAudit? NextAudit,
    int Version);

public sealed record HistoryEntry(DateTime At, string Action, string Actor, string EntityType, string EntityId, string Summary);

public sealed record CertificateDetail(CertificateView Certificate, IReadOnlyList<AuditView> Audits, IReadOnlyList<HistoryEntry> History);

/// <summary>Wire names (kebab-case) for the enums, in one place.</summary>
public static class AuditWire
{
    public static string Of(AuditKind k) => k switch { AuditKind.Initial => "initial", AuditKind.Surveillance => "surveillance", _ => "renewal" };

    public static string Of(AuditStatus s) => s switch
    {
        AuditStatus.Planned => "planned",
        AuditStatus.InProgress => "in-progress",
        AuditStatus.Conditional => "conditional",
        _ => "decided",
    };

    public static string Of(CommitteeDecision d) => d switch { CommitteeDecision.Approve => "approve", CommitteeDecision.Conditional => "conditional", _ => "reject" };

    public static string Of(FindingSeverity s) => s switch { FindingSeverity.Low => "low", FindingSeverity.Medium => "medium", _ => "high" };

    public static bool TryParse<T>(string? text, Func<T, string> wire, out T value)
        where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            if (string.Equals(wire(v), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static FindingView View(Finding f, DateOnly today) => new(
        f.Id, f.AuditId, f.Number, f.ControlId, f.CheckItemId, f.Description, f.EvidenceRefs, Of(f.Severity), Finding.Wire(f.Status),
        f.NoticeOn, f.DueOn, f.RecorrectionDueOn, f.CurrentDueOn, f.IsOverdue(today), f.RootCause, f.Action, f.Owner, f.PlanDueOn,
        f.FixEvidence, f.VerificationNote, f.ClosedOn, f.Version,
        f.FurtherCorrectionRequestedOn, f.FurtherCorrectionDueOn, f.FurtherCorrectionNote, f.FurtherCorrectionLapsed(today));
}
