using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Audits;

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
