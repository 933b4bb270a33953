using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Audits;

public sealed record FindingFilter(Guid? AuditId, bool OverdueOnly, string? Status);

public sealed class ListFindings(JikimiDb db, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<FindingView>>> Handle(OrgAccess access, FindingFilter filter, CancellationToken ct)
    {
        if (filter.AuditId is { } auditId && (await AuditScope.FindAsync(db, access, auditId, ct)).Error is { } nf)
        {
            return nf;
        }

        var q = AuditScope.VisibleFindings(db, access).AsNoTracking();
        if (filter.AuditId is { } id)
        {
            q = q.Where(f => f.AuditId == id);
        }

        var today = AuditScope.Today(clock);
        var rows = (await q.OrderBy(f => f.DueOn).ThenBy(f => f.Number).ToListAsync(ct))
            .Select(f => AuditWire.View(f, today))
            .Where(v => !filter.OverdueOnly || v.Overdue)
            .Where(v => filter.Status is null || v.Status == filter.Status)
            .ToList();
        return rows;
    }
}
