using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Audits;

public sealed class ListAudits(JikimiDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<AuditView>> Handle(OrgAccess access, CancellationToken ct)
    {
        var audits = await AuditScope.Visible(db, access).AsNoTracking().OrderByDescending(a => a.CreatedAt).ToListAsync(ct);
        return await AuditScope.ViewsAsync(db, audits, AuditScope.Today(clock), ct);
    }
}
