using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Audits;

/// <summary>One audit the caller is assigned to as auditor, with the organization it belongs to.</summary>
public sealed record MyAuditView(
    Guid OrganizationId,
    string OrganizationName,
    Guid AuditId,
    string Kind,
    string Status,
    Guid? AssessmentId,
    string? Body,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    DateOnly? DueBy,
    bool Overdue,
    int OpenFindings);

/// <summary>
/// "My audits": every audit the actor is assigned to, across all organizations where they are still an auditor
/// (a certification body's auditor serves several). Read across tenants on purpose, like the actor's memberships:
/// the assignment and the auditor membership are the actor's own, and nothing else of an organization is read.
/// An API token reaches only its own organization, so for a token the list is narrowed to it.
/// </summary>
public sealed class ListMyAudits(JikimiDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<MyAuditView>> Handle(Actor actor, Guid? tokenOrganizationId, CancellationToken ct)
    {
        var uid = actor.UserId;
        var rows = await db.AuditorAssignments.IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.UserId == uid
                && db.Memberships.Any(m => m.OrganizationId == x.OrganizationId && m.UserId == uid && m.Role == Role.Auditor)
                && (tokenOrganizationId == null || x.OrganizationId == tokenOrganizationId))
            .Join(db.Audits, x => x.AuditId, a => a.Id, (x, a) => a)
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { Audit = a, OrganizationName = o.Name })
            .ToListAsync(ct);

        var ids = rows.Select(r => r.Audit.Id).ToList();
        var findings = await db.Findings.IgnoreQueryFilters().AsNoTracking()
            .Where(f => ids.Contains(f.AuditId) && f.Status != FindingStatus.Closed)
            .GroupBy(f => f.AuditId).Select(g => new { AuditId = g.Key, Open = g.Count() })
            .ToListAsync(ct);
        var today = AuditScope.Today(clock);
        return rows
            .OrderBy(r => r.OrganizationName, StringComparer.Ordinal).ThenByDescending(r => r.Audit.CreatedAt)
            .Select(r => new MyAuditView(
                r.Audit.OrganizationId, r.OrganizationName, r.Audit.Id, AuditWire.Of(r.Audit.Kind), AuditWire.Of(r.Audit.Status),
                r.Audit.AssessmentId, r.Audit.Body, r.Audit.PeriodStart, r.Audit.PeriodEnd, r.Audit.DueBy, r.Audit.IsOverdue(today),
                findings.FirstOrDefault(f => f.AuditId == r.Audit.Id)?.Open ?? 0))
            .ToList();
    }
}
