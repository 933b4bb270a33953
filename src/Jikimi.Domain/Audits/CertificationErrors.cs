using Jikimi.Domain.Common;

namespace Jikimi.Domain.Audits;

public sealed record OperatingPeriodTooShort(DateOnly OperatingSince, DateOnly EarliestApplication, int Months)
    : RuleError("audit.operating_period_too_short", $"The management system must operate for at least {Months} months before applying: operating since {OperatingSince:yyyy-MM-dd}, so apply on or after {EarliestApplication:yyyy-MM-dd}.");

public sealed record OperatingSinceRequired()
    : RuleError("audit.operating_since_required", "An initial audit needs operatingSince: the day the management system started operating (evidence of at least the minimum period is required).");

public sealed record CertificateRequired(string Kind)
    : RuleError("audit.certificate_required", $"A {Kind} audit belongs to a certificate: give certificateId.");

public sealed record AuditDecided()
    : ConflictError("audit.decided", "The committee has decided on this audit; it can no longer change.");

public sealed record AuditAlreadyStarted()
    : ConflictError("audit.started", "The audit has started already (or waits for the committee's final decision).");

public sealed record FindingsStillOpen(int Count)
    : RuleError("audit.findings_open", $"{Count} finding(s) are not closed yet; the committee can approve only when every finding is verified and closed.");

public sealed record FindingWrongState(string Action, string State)
    : ConflictError("finding.wrong_state", $"A finding that is '{State}' cannot be {Action}.");

public sealed record FindingClosed()
    : ConflictError("finding.closed", "The finding is closed.");

public sealed record RecorrectionExhausted()
    : RuleError("finding.recorrection_exhausted", "The re-correction period has already been used; decide on the finding (or escalate to the committee).");

public sealed record CertificateWrongState(string Action, string State)
    : ConflictError("certificate.wrong_state", $"A certificate that is '{State}' cannot be {Action}.");

public sealed record AuditorNotMember()
    : RuleError("audit.auditor_not_member", "Only a member of this organization with the auditor role can be assigned to an audit.");

public sealed record FurtherCorrectionUsed()
    : ConflictError("finding.further_correction_used", "The committee has already sent this finding back for further correction; it can do so once.");

public sealed record FurtherCorrectionLapsed(DateOnly DueOn)
    : RuleError("finding.further_correction_lapsed", $"The further-correction period ended on {DueOn:yyyy-MM-dd}; the committee decides on the audit now.");

public sealed record AuditNotDecided()
    : RuleError("audit.not_decided", "An appeal can be recorded only against the committee's final decision (approve or reject).");

public sealed record AppealAlreadyRecorded()
    : ConflictError("audit.appeal_recorded", "An appeal against this decision has already been recorded.");

public sealed record AppealWindowClosed(DateOnly LastDay, int Days)
    : RuleError("audit.appeal_window_closed", $"An appeal must be lodged within {Days} days of the decision: the last day was {LastDay:yyyy-MM-dd}.");
