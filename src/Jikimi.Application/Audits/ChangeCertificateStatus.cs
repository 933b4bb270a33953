using Jikimi.Application.AuditTrail;
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

public sealed class ListCertificates(JikimiDb db, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<CertificateView>>> Handle(OrgAccess access, CancellationToken ct)
    {
        if (CertificateViews.RequireReader(access).Error is { } denied)
        {
            return denied;
        }

        var today = AuditScope.Today(clock);
        var certs = await db.Certificates.AsNoTracking().OrderByDescending(c => c.IssuedOn).ToListAsync(ct);
        var list = new List<CertificateView>();
        foreach (var c in certs)
        {
            list.Add(CertificateViews.View(c, today, await CertificateViews.NextAsync(db, c.Id, ct)));
        }

        return list;
    }
}

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

public sealed record CertificateStatusRequest(string? Reason);

/// <summary>suspend, reinstate or revoke, with the grounds (법 제47조⑩ for revocation).</summary>
public sealed class ChangeCertificateStatus(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<CertificateView>> Handle(OrgAccess access, Guid certificateId, string action, CertificateStatusRequest req, CancellationToken ct)
    {
        var c = await db.Certificates.FirstOrDefaultAsync(x => x.Id == certificateId, ct);
        if (c is null)
        {
            return new NotFound("certificate", certificateId.ToString());
        }

        if (access.Require(Permissions.CanManageWorkspace, $"{action} certificates").Error is { } denied)
        {
            return denied;
        }

        var today = AuditScope.Today(clock);
        var (result, code) = action switch
        {
            "suspend" => (c.Suspend(req.Reason, today), AuditActions.CertificateSuspended),
            "reinstate" => (c.Reinstate(req.Reason, today), AuditActions.CertificateReinstated),
            "revoke" => (c.Revoke(req.Reason, today), AuditActions.CertificateRevoked),
            _ => (new Result(new Invalid("action", "action must be suspend, reinstate or revoke.")), string.Empty),
        };
        if (result.Error is { } e)
        {
            return e;
        }

        audit.Record(access, code, "certificate", c.Id, new { c.Number, reason = c.StatusReason });
        var saved = await audit.SaveAsync(ct, "certificate");
        return saved.Error is { } se ? se : CertificateViews.View(c, today, await CertificateViews.NextAsync(db, c.Id, ct));
    }
}
