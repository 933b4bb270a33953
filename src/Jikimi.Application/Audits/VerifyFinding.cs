using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Audits;

public sealed record VerifyFindingRequest(bool Accepted, string? Note);

/// <summary>The auditor verifies a fix: closed, or sent back once for re-correction.</summary>
public sealed class VerifyFinding(JikimiDb db, AuditWriter audit, TimeProvider clock, IOptions<CertificationOptions> options)
{
    public async Task<Result<FindingView>> Handle(OrgAccess access, Guid findingId, VerifyFindingRequest req, CancellationToken ct)
    {
        var found = await AuditScope.FindFindingAsync(db, access, findingId, ct);
        if (found.Error is { } nf)
        {
            return nf;
        }

        if (AuditScope.RequireAuditWork(access, "verify corrective actions").Error is { } denied)
        {
            return denied;
        }

        var f = found.Value!;
        var today = AuditScope.Today(clock);
        if (f.Verify(req.Accepted, req.Note, today, options.Value.Policy).Error is { } e)
        {
            return e;
        }

        audit.Record(access, req.Accepted ? AuditActions.FindingClosed : AuditActions.FindingSentBack, "finding", f.Id, new { f.Number, f.RecorrectionDueOn });
        var saved = await audit.SaveAsync(ct, "finding");
        return saved.Error is { } se ? se : AuditWire.View(f, today);
    }
}
