using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Audits;

public sealed class GetFinding(JikimiDb db, TimeProvider clock)
{
    public async Task<Result<FindingView>> Handle(OrgAccess access, Guid findingId, CancellationToken ct)
    {
        var f = await AuditScope.FindFindingAsync(db, access, findingId, ct);
        return f.Error is { } e ? e : AuditWire.View(f.Value!, AuditScope.Today(clock));
    }
}
