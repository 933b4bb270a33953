using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Audits;

/// <summary>A certificate with its audits and its full history (the audit events of the certificate, its audits and their findings).</summary>
public sealed class GetCertificate(JikimiDb db, TimeProvider clock)
{
    public async Task<Result<CertificateDetail>> Handle(OrgAccess access, Guid certificateId, CancellationToken ct)
    {
        if (CertificateViews.RequireReader(access).Error is { } denied)
        {
            return denied;
        }

        var c = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == certificateId, ct);
        if (c is null)
        {
            return new NotFound("certificate", certificateId.ToString());
        }

        var today = AuditScope.Today(clock);
        var audits = await db.Audits.AsNoTracking().Where(a => a.CertificateId == c.Id || a.Id == c.AuditId).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        var auditIds = audits.Select(a => a.Id).ToList();
        var findingIds = await db.Findings.AsNoTracking().Where(f => auditIds.Contains(f.AuditId)).Select(f => f.Id).ToListAsync(ct);
        var keys = auditIds.Concat(findingIds).Append(c.Id).Select(g => g.ToString()).ToList();
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => (e.EntityType == "certificate" || e.EntityType == "audit" || e.EntityType == "finding") && keys.Contains(e.EntityId))
            .OrderBy(e => e.Sequence)
            .Select(e => new HistoryEntry(e.At, e.Action, e.Actor, e.EntityType, e.EntityId, e.Summary))
            .ToListAsync(ct);
        return new CertificateDetail(
            CertificateViews.View(c, today, await CertificateViews.NextAsync(db, c.Id, ct)),
            await AuditScope.ViewsAsync(db, audits, today, ct),
            events);
    }
}
