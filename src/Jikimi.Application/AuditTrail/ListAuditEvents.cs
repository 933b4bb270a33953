using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.AuditTrail;

public sealed record AuditEventView(Guid Id, long Sequence, DateTime At, string Actor, Guid? ActorUserId, string Action, string EntityType, string EntityId, string Summary, string Hash);

public sealed record AuditQuery(string? Action = null, string? EntityType = null, string? EntityId = null, Guid? ActorUserId = null, DateTime? From = null, DateTime? To = null, int Skip = 0, int Take = 100);

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Skip, int Take);

/// <summary>The organization's audit trail, newest first, with filters.</summary>
public sealed class ListAuditEvents(JikimiDb db)
{
    public async Task<Page<AuditEventView>> Handle(OrgAccess access, AuditQuery q, CancellationToken ct)
    {
        var query = db.AuditEvents.AsNoTracking().Where(e => e.OrganizationId == access.OrganizationId);
        if (access.Role == Domain.Organizations.Role.Auditor)
        {
            // An auditor's trail is their audits' trail: the events of the audits assigned to them and of those audits'
            // findings, nothing else of the organization (Audits.AuditorReach).
            var uid = access.Actor.UserId;
            var audits = await db.AuditorAssignments.AsNoTracking().Where(x => x.UserId == uid).Select(x => x.AuditId).ToListAsync(ct);
            var findings = await db.Findings.AsNoTracking().Where(f => audits.Contains(f.AuditId)).Select(f => f.Id).ToListAsync(ct);
            var auditIds = audits.Select(a => a.ToString()).ToList();
            var findingIds = findings.Select(f => f.ToString()).ToList();
            query = query.Where(e => (e.EntityType == "audit" && auditIds.Contains(e.EntityId)) || (e.EntityType == "finding" && findingIds.Contains(e.EntityId)));
        }

        if (!string.IsNullOrWhiteSpace(q.Action))
        {
            query = q.Action.EndsWith('*') ? query.Where(e => e.Action.StartsWith(q.Action.TrimEnd('*'))) : query.Where(e => e.Action == q.Action);
        }

        if (!string.IsNullOrWhiteSpace(q.EntityType))
        {
            query = query.Where(e => e.EntityType == q.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(q.EntityId))
        {
            query = query.Where(e => e.EntityId == q.EntityId);
        }

        if (q.ActorUserId is { } actor)
        {
            query = query.Where(e => e.ActorUserId == actor);
        }

        if (q.From is { } from)
        {
            query = query.Where(e => e.At >= from);
        }

        if (q.To is { } to)
        {
            query = query.Where(e => e.At < to);
        }

        var take = Math.Clamp(q.Take, 1, 500);
        var skip = Math.Max(0, q.Skip);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.Sequence).Skip(skip).Take(take)
            .Select(e => new AuditEventView(e.Id, e.Sequence, e.At, e.Actor, e.ActorUserId, e.Action, e.EntityType, e.EntityId, e.Summary, e.Hash))
            .ToListAsync(ct);
        return new Page<AuditEventView>(items, total, skip, take);
    }
}
