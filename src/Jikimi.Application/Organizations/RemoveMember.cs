using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Organizations;

public sealed class RemoveMember(JikimiDb db, AuditWriter audit)
{
    public async Task<Result> Handle(OrgAccess access, Guid userId, CancellationToken ct)
    {
        if (access.Require(Permissions.CanAdminister, "remove members").Error is { } denied)
        {
            return denied;
        }

        var m = await db.Memberships.FirstOrDefaultAsync(x => x.UserId == userId, ct);
        if (m is null)
        {
            return new NotFound("member", userId.ToString());
        }

        if (m.Role == Role.Administrator && await db.Memberships.CountAsync(x => x.Role == Role.Administrator, ct) == 1)
        {
            return new LastAdministrator();
        }

        db.Memberships.Remove(m);
        audit.Record(access, AuditActions.MemberRemoved, "member", userId, new { role = m.Role.ToWire() });
        return await audit.SaveAsync(ct);
    }
}
