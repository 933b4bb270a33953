using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.AccessRecords;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.AccessRecords;

/// <summary>One processing system with its retention and log format.</summary>
public sealed class GetProcessingSystem(JikimiDb db, TimeProvider clock)
{
    public async Task<Result<ProcessingSystemView>> Handle(OrgAccess access, Guid id, CancellationToken ct)
    {
        _ = access;
        var s = await db.Set<ProcessingSystem>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return s is null ? new NotFound("processing_system", id.ToString()) : ProcessingSystemView.Of(s, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
