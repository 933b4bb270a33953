using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Flows;

/// <summary>The lifecycle tables of every service (or of one), services by name, rows by stage.</summary>
public sealed class GetFlowTable(JikimiDb db)
{
    public async Task<IReadOnlyList<ServiceFlowView>> Handle(OrgAccess access, string? service, CancellationToken ct)
    {
        var q = db.Set<PersonalInfoFlow>().AsNoTracking();
        if (service?.Trim() is { Length: > 0 } s)
        {
            q = q.Where(f => f.Service == s);
        }

        var rows = await q.OrderBy(f => f.Service).ThenBy(f => f.Stage).ThenBy(f => f.UpdatedAt).ToListAsync(ct);
        return rows.GroupBy(f => f.Service).Select(g => new ServiceFlowView(g.Key, g.Select(FlowRowView.Of).ToList())).ToList();
    }
}
