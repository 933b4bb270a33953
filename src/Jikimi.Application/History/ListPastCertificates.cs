using Jikimi.Application.Audits;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.History;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.History;

/// <summary>The organization's past certificates, newest first (readers as for certificates).</summary>
public sealed class ListPastCertificates(JikimiDb db)
{
    public async Task<Result<IReadOnlyList<PastCertificateView>>> Handle(OrgAccess access, CancellationToken ct)
    {
        if (CertificateViews.RequireReader(access).Error is { } denied)
        {
            return denied;
        }

        var list = await db.PastCertificates.AsNoTracking().OrderByDescending(c => c.IssuedOn).ThenBy(c => c.Number).ToListAsync(ct);
        return list.Select(PastCertificateView.Of).ToList();
    }
}
