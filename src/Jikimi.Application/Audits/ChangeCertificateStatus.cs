using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Audits;

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
