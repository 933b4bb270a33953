using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.History;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.History;

/// <summary>Records a certificate the organization held before (K-ISMS, K-PIMS, or ISMS/ISMS-P before Jikimi), with its audit event.</summary>
public sealed class RecordPastCertificate(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<PastCertificateView>> Handle(OrgAccess access, PastCertificateRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "record past certificates").Error is { } denied)
        {
            return denied;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var made = PastCertificate.Record(access.OrganizationId, req.Scheme, req.Number, req.IssuedOn, req.ExpiresOn, req.Scope, access.Actor.Name, now);
        if (made.Error is { } e)
        {
            return e;
        }

        var c = made.Value!;
        if (await db.PastCertificates.AnyAsync(x => x.Scheme == c.Scheme && x.Number == c.Number, ct))
        {
            return new PastCertificateExists(c.Scheme, c.Number);
        }

        db.Add(c);
        audit.Record(access, AuditActions.PastCertificateRecorded, "past_certificate", c.Id, new { c.Scheme, c.Number, c.IssuedOn, c.ExpiresOn });
        try
        {
            if ((await audit.SaveAsync(ct, "past certificate")).Error is { } saveError)
            {
                return saveError;
            }
        }
        catch (DbUpdateException)
        {
            // The same number recorded at the same moment by someone else: the unique index kept theirs.
            return new PastCertificateExists(c.Scheme, c.Number);
        }

        return PastCertificateView.Of(c);
    }
}
