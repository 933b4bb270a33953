using System.Collections.Frozen;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Audits;

/// <summary>
/// What an auditor may reach in an organization: their audits, the findings of those audits, the assessment an audit
/// of theirs is attached to, evidence, the audit trail (already narrowed to their audits) and their own API tokens. Risks, assets, flows,
/// members, scope, tokens, certificates and notifications are refused; another assessment is "not found". One rule
/// for the API and the pages, applied where a request enters the organization.
/// </summary>
public static class AuditorReach
{
    private static readonly FrozenSet<string> Areas =
        new[] { string.Empty, "assessments", "evidence", "audits", "findings", "audit-events", "audit-trail", "api-tokens" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True where the role is not an auditor, or the first path segment after the organization is an auditor's area.</summary>
    public static bool Allows(Role role, string area) => role != Role.Auditor || Areas.Contains(area);

    /// <summary>The assessments an auditor's assigned audits are attached to.</summary>
    public static IQueryable<Guid> Assessments(JikimiDb db, Guid auditorUserId) =>
        db.Audits.Where(a => a.AssessmentId != null && db.AuditorAssignments.Any(x => x.AuditId == a.Id && x.UserId == auditorUserId)).Select(a => a.AssessmentId!.Value);

    /// <summary>Evidence an actor may see: all of the tenant's, for an auditor only evidence linked to a control of an assessment their audit is attached to.</summary>
    public static IQueryable<Domain.Evidence.EvidenceItem> VisibleEvidence(JikimiDb db, OrgAccess access) =>
        access.Role != Role.Auditor
            ? db.Evidence
            : db.Evidence.Where(e => db.EvidenceLinks.Any(l => l.EvidenceId == e.Id
                && db.ControlAssessments.Any(c => c.Id == l.ControlAssessmentId && Assessments(db, access.Actor.UserId).Contains(c.AssessmentId))));

    public static async Task<bool> MayOpenAssessmentAsync(JikimiDb db, OrgAccess access, Guid assessmentId, CancellationToken ct) =>
        access.Role != Role.Auditor || await Assessments(db, access.Actor.UserId).ContainsAsync(assessmentId, ct);
}
