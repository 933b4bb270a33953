using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Organizations;

public sealed record ChangeRoleRequest(string? Role);

public sealed class ChangeMemberRole(JikimiDb db, AuditWriter audit)
{
    public async Task<Result<MemberView>> Handle(OrgAccess access, Guid userId, ChangeRoleRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanAdminister, "change roles").Error is { } denied)
        {
            return denied;
        }

        if (!Permissions.TryParse(req.Role, out var role))
        {
            return new Invalid("role", "role must be administrator, compliance-manager, control-owner, auditor or viewer.");
        }

        var m = await db.Memberships.FirstOrDefaultAsync(x => x.UserId == userId, ct);
        if (m is null)
        {
            return new NotFound("member", userId.ToString());
        }

        if (m.Role == Role.Administrator && role != Role.Administrator && await db.Memberships.CountAsync(x => x.Role == Role.Administrator, ct) == 1)
        {
            return new LastAdministrator();
        }

        var before = m.Role;
        m.ChangeRole(role);
        audit.Record(access, AuditActions.MemberRoleChanged, "member", userId, new { before = before.ToWire(), after = role.ToWire() });
        var saved = await audit.SaveAsync(ct);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        return saved.Error is { } se ? se : new MemberView(userId, user.Email!, user.DisplayName, role.ToWire(), m.CreatedAt);
    }
}
