using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Tokens;

public sealed class ListApiTokens(JikimiDb db, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<ApiTokenView>>> Handle(OrgAccess access, CancellationToken ct)
    {
        if (access.Role != Role.Auditor && access.Require(Permissions.CanAdminister, "see API tokens").Error is { } denied)
        {
            return denied;
        }

        // An auditor sees only their own tokens.
        var now = clock.GetUtcNow().UtcDateTime;
        var query = access.Role == Role.Auditor ? db.ApiTokens.Where(t => t.CreatedBy == access.Actor.UserId) : db.ApiTokens;
        var tokens = await query.AsNoTracking().OrderByDescending(t => t.CreatedAt).ToListAsync(ct);
        return tokens.Select(t => CreateApiToken.View(t, now)).ToList();
    }
}
