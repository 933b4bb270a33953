using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Audits;

public sealed record FixFindingRequest(string? Evidence);

public sealed class MarkFindingFixed(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<FindingView>> Handle(OrgAccess access, Guid findingId, FixFindingRequest req, CancellationToken ct)
    {
        var found = await AuditScope.FindFindingAsync(db, access, findingId, ct);
        if (found.Error is { } nf)
        {
            return nf;
        }

        if (access.Require(Permissions.CanEditControls, "report corrective actions").Error is { } denied)
        {
            return denied;
        }

        var f = found.Value!;
        if (f.MarkFixed(req.Evidence, AuditScope.Today(clock)).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.FindingFixed, "finding", f.Id, new { f.Number });
        var saved = await audit.SaveAsync(ct, "finding");
        return saved.Error is { } se ? se : AuditWire.View(f, AuditScope.Today(clock));
    }
}
