using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Organizations;

public sealed record MemberView(Guid UserId, string Email, string DisplayName, string Role, DateTime Since);

public sealed class ListMembers(JikimiDb db)
{
    public async Task<IReadOnlyList<MemberView>> Handle(OrgAccess access, CancellationToken ct)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email, u.DisplayName, m.Role, m.CreatedAt })
            .OrderBy(x => x.DisplayName)
            .ToListAsync(ct);
        return rows.Select(r => new MemberView(r.Id, r.Email!, r.DisplayName, r.Role.ToWire(), r.CreatedAt)).ToList();
    }
}
