using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Audits;

public sealed record AssignAuditorRequest(Guid UserId);

/// <summary>Gives a member with the auditor role access to this one audit.</summary>
public sealed class AssignAuditor(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<AuditView>> Handle(OrgAccess access, Guid auditId, AssignAuditorRequest req, CancellationToken ct)
    {
        var found = await AuditScope.FindAsync(db, access, auditId, ct);
        if (found.Error is { } nf)
        {
            return nf;
        }

        if (access.Require(Permissions.CanManageWorkspace, "assign auditors").Error is { } denied)
        {
            return denied;
        }

        if (!await db.Memberships.AnyAsync(m => m.UserId == req.UserId && m.Role == Role.Auditor, ct))
        {
            return new AuditorNotMember();
        }

        var a = found.Value!;
        if (!await db.AuditorAssignments.AnyAsync(x => x.AuditId == a.Id && x.UserId == req.UserId, ct))
        {
            db.AuditorAssignments.Add(AuditorAssignment.Create(access.OrganizationId, a.Id, req.UserId, clock.GetUtcNow().UtcDateTime));
            audit.Record(access, AuditActions.AuditorAssigned, "audit", a.Id, new { req.UserId });
            var saved = await audit.SaveAsync(ct, "audit");
            if (saved.Error is { } e)
            {
                return e;
            }
        }

        return await AuditScope.ViewAsync(db, a, AuditScope.Today(clock), ct);
    }
}
