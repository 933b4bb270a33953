using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Audits;

/// <summary>What the committee found insufficient; the deadline runs from today.</summary>
public sealed record FurtherCorrectionRequest(string? Note);

/// <summary>
/// The certification committee sends a finding back for further correction (고시 제25조⑤ [S]) while it has not decided
/// the audit: once per finding, due <c>Certification:FurtherCorrectionDays</c> after today. The reminder planner
/// reminds before the deadline; after it the organization can no longer plan or report the finding.
/// </summary>
public sealed class RequestFurtherCorrection(JikimiDb db, AuditWriter audit, TimeProvider clock, IOptions<CertificationOptions> options)
{
    public async Task<Result<FindingView>> Handle(OrgAccess access, Guid findingId, FurtherCorrectionRequest req, CancellationToken ct)
    {
        var found = await AuditScope.FindFindingAsync(db, access, findingId, ct);
        if (found.Error is { } nf)
        {
            return nf;
        }

        if (access.Require(Permissions.CanManageWorkspace, "record the committee's request for further correction").Error is { } denied)
        {
            return denied;
        }

        var f = found.Value!;
        var a = await AuditScope.FindAsync(db, access, f.AuditId, ct);
        if (a.Value is { Status: AuditStatus.Decided })
        {
            return new AuditDecided();
        }

        var today = AuditScope.Today(clock);
        if (f.RequestFurtherCorrection(req.Note, today, options.Value.Policy).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.FindingFurtherCorrection, "finding", f.Id, new { f.Number, f.AuditId, f.FurtherCorrectionDueOn });
        var saved = await audit.SaveAsync(ct, "finding");
        return saved.Error is { } se ? se : AuditWire.View(f, today);
    }
}
