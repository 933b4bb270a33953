using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.AccessRecords;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.AccessRecords;

/// <summary>The organization's processing systems by name, each with the retention that applies today.</summary>
public sealed class ListProcessingSystems(JikimiDb db, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<ProcessingSystemView>>> Handle(OrgAccess access, CancellationToken ct)
    {
        _ = access;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var all = await db.Set<ProcessingSystem>().AsNoTracking().OrderBy(x => x.Name).ToListAsync(ct);
        return all.Select(s => ProcessingSystemView.Of(s, today)).ToList();
    }
}
