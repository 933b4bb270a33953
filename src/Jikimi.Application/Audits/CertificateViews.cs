using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Audits;

internal static class CertificateViews
{
    public static CertificateView View(Certificate c, DateOnly today, NextAudit? next) => new(
        c.Id, c.Number, c.Certification, c.Edition, c.Scope, c.Body, c.IssuedOn, c.ExpiresOn, c.EffectiveStatus(today), c.StatusReason, c.AuditId, c.PreviousId, next, c.Version);

    /// <summary>Certificates are the organization's business; an auditor's access ends at their audit.</summary>
    public static Result RequireReader(OrgAccess access) => access.Role == Role.Auditor ? new Forbidden("see certificates") : Result.Ok;

    public static async Task<NextAudit?> NextAsync(JikimiDb db, Guid certificateId, CancellationToken ct) =>
        await db.Audits.AsNoTracking()
            .Where(a => a.CertificateId == certificateId && (a.Status == AuditStatus.Planned || a.Status == AuditStatus.InProgress))
            .OrderBy(a => a.DueBy)
            .Select(a => new NextAudit(a.Id, a.Kind == AuditKind.Surveillance ? "surveillance" : a.Kind == AuditKind.Renewal ? "renewal" : "initial", a.DueBy))
            .FirstOrDefaultAsync(ct);
}
