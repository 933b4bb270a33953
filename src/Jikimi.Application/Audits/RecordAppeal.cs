using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Audits;

/// <summary>The grounds of the appeal (이의신청), as lodged with the certification body.</summary>
public sealed record AppealRequest(string? Note);

/// <summary>
/// Records that the organization appealed the committee's final decision (고시 제36조 [S]): today must be within
/// <c>Certification:AppealDays</c> of the decision; refused after, and recorded once.
/// </summary>
public sealed class RecordAppeal(JikimiDb db, AuditWriter audit, TimeProvider clock, IOptions<CertificationOptions> options)
{
    public async Task<Result<AuditView>> Handle(OrgAccess access, Guid auditId, AppealRequest req, CancellationToken ct)
    {
        var found = await AuditScope.FindAsync(db, access, auditId, ct);
        if (found.Error is { } nf)
        {
            return nf;
        }

        if (access.Require(Permissions.CanManageWorkspace, "record an appeal").Error is { } denied)
        {
            return denied;
        }

        var a = found.Value!;
        var today = AuditScope.Today(clock);
        var policy = options.Value.Policy;
        if (a.RecordAppeal(req.Note, today, policy).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.AuditAppealed, "audit", a.Id, new { a.AppealedOn, a.DecidedOn, appealBy = a.AppealBy(policy) });
        var saved = await audit.SaveAsync(ct, "audit");
        return saved.Error is { } se ? se : await AuditScope.ViewAsync(db, a, today, ct, policy);
    }
}
