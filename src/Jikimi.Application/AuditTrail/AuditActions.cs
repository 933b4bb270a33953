namespace Jikimi.Application.AuditTrail;

/// <summary>Stable audit codes. Add new ones; never rename (reports and filters rely on them).</summary>
public static partial class AuditActions
{
    public const string SetupCompleted = "setup.completed";
    public const string AuditAnchorKeyCreated = "audit.anchor_key_created";
    public const string UserSignedIn = "user.signed_in";
    public const string UserSignInFailed = "user.sign_in_failed";
    public const string UserSignedOut = "user.signed_out";
    public const string UserSignedOutEverywhere = "user.signed_out_everywhere";
    public const string UserProvisioned = "user.provisioned";
    public const string UserMfaEnabled = "user.mfa_enabled";
    public const string UserMfaDisabled = "user.mfa_disabled";
    public const string UserRecoveryCodesRegenerated = "user.recovery_codes_regenerated";
    public const string UserPasswordChanged = "user.password_changed";
    public const string UserPreferencesChanged = "user.preferences_changed";
    public const string OrganizationMfaRequirementChanged = "organization.mfa_requirement_changed";
    public const string InvitationAccepted = "invitation.accepted";
    public const string OrganizationCreated = "organization.created";
    public const string OrganizationRenamed = "organization.renamed";
    public const string MemberAdded = "member.added";
    public const string MemberRoleChanged = "member.role_changed";
    public const string MemberRemoved = "member.removed";
    public const string ScopeUpdated = "scope.updated";
    public const string ScopeItemAdded = "scope_item.added";
    public const string ScopeItemUpdated = "scope_item.updated";
    public const string ScopeItemRemoved = "scope_item.removed";
    public const string AssessmentCreated = "assessment.created";
    public const string ControlUpdated = "control.updated";
    public const string CheckItemRecorded = "check_item.recorded";
    public const string CommentAdded = "comment.added";
    public const string EvidenceUploaded = "evidence.uploaded";
    public const string EvidenceVersionAdded = "evidence.version_added";
    public const string EvidenceUpdated = "evidence.updated";
    public const string EvidenceLinked = "evidence.linked";
    public const string EvidenceUnlinked = "evidence.unlinked";
    public const string EvidenceDeleted = "evidence.deleted";
    public const string ApiTokenCreated = "api_token.created";
    public const string ApiTokenRevoked = "api_token.revoked";
    public const string DemoSeeded = "demo.seeded";
    public const string StatementImported = "statement.imported";
    public const string ProwlerImported = "prowler.imported";
    public const string AuditCreated = "audit.created";
    public const string AuditUpdated = "audit.updated";
    public const string AuditorAssigned = "audit.auditor_assigned";
    public const string AuditDecided = "audit.decided";
    public const string AuditScheduled = "audit.scheduled";
    public const string FindingRecorded = "finding.recorded";
    public const string FindingPlanSubmitted = "finding.plan_submitted";
    public const string FindingFixed = "finding.fixed";
    public const string FindingClosed = "finding.closed";
    public const string FindingSentBack = "finding.sent_back";
    public const string CertificateIssued = "certificate.issued";
    public const string CertificateSuspended = "certificate.suspended";
    public const string CertificateReinstated = "certificate.reinstated";
    public const string CertificateRevoked = "certificate.revoked";
}
