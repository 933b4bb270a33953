using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Audits;

/// <summary>
/// Which audits an actor may see: members with a workspace role see all of their organization's audits; an
/// auditor only the audits assigned to them. An audit an auditor may not see is "not found", like another
/// organization's.
/// </summary>
internal static class AuditScope
{
    public static IQueryable<Audit> Visible(JikimiDb db, OrgAccess access) =>
        access.Role == Role.Auditor
            ? db.Audits.Where(a => db.AuditorAssignments.Any(x => x.AuditId == a.Id && x.UserId == access.Actor.UserId))
            : db.Audits;

    public static IQueryable<Finding> VisibleFindings(JikimiDb db, OrgAccess access) =>
        access.Role == Role.Auditor
            ? db.Findings.Where(f => db.AuditorAssignments.Any(x => x.AuditId == f.AuditId && x.UserId == access.Actor.UserId))
            : db.Findings;

    public static async Task<Result<Audit>> FindAsync(JikimiDb db, OrgAccess access, Guid auditId, CancellationToken ct)
    {
        var audit = await Visible(db, access).FirstOrDefaultAsync(a => a.Id == auditId, ct);
        return audit is null ? new NotFound("audit", auditId.ToString()) : audit;
    }

    public static async Task<Result<Finding>> FindFindingAsync(JikimiDb db, OrgAccess access, Guid findingId, CancellationToken ct)
    {
        var f = await VisibleFindings(db, access).FirstOrDefaultAsync(x => x.Id == findingId, ct);
        return f is null ? new NotFound("finding", findingId.ToString()) : f;
    }

    /// <summary>Auditors (assigned, as <see cref="Visible"/> ensures) and workspace managers may write findings and verify fixes.</summary>
    public static Result RequireAuditWork(OrgAccess access, string action) =>
        access.Role == Role.Auditor || access.Role.CanManageWorkspace() ? Result.Ok : new Forbidden(action);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static async Task<AuditView> ViewAsync(JikimiDb db, Audit a, DateOnly today, CancellationToken ct, CertificationPolicy? policy = null) =>
        (await ViewsAsync(db, [a], today, ct, policy))[0];

    public static async Task<IReadOnlyList<AuditView>> ViewsAsync(JikimiDb db, IReadOnlyList<Audit> audits, DateOnly today, CancellationToken ct, CertificationPolicy? policy = null)
    {
        var ids = audits.Select(a => a.Id).ToList();
        var auditors = await db.AuditorAssignments.AsNoTracking().Where(x => ids.Contains(x.AuditId)).Select(x => new { x.AuditId, x.UserId }).ToListAsync(ct);
        var findings = await db.Findings.AsNoTracking().Where(f => ids.Contains(f.AuditId)).ToListAsync(ct);
        return audits.Select(a =>
        {
            var fs = findings.Where(f => f.AuditId == a.Id).ToList();
            return new AuditView(
                a.Id, AuditWire.Of(a.Kind), AuditWire.Of(a.Status), a.AssessmentId, a.CertificateId, a.SeededFromId, a.Body, a.Team,
                a.PeriodStart, a.PeriodEnd, a.DueBy, a.IsOverdue(today), a.SamplingNotes, a.OperatingSince, a.AppliedOn, a.OtherCertifications,
                a.Decision is { } d ? AuditWire.Of(d) : null, a.DecisionNote, a.DecidedOn,
                auditors.Where(x => x.AuditId == a.Id).Select(x => x.UserId).ToList(),
                new FindingCounts(fs.Count, fs.Count(f => f.Status != FindingStatus.Closed), fs.Count(f => f.IsOverdue(today))),
                a.Version,
                policy is null ? null : a.AppealBy(policy), a.AppealedOn, a.AppealNote);
        }).ToList();
    }
}
