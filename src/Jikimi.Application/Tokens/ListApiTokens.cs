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
        if (access.Require(Permissions.CanAdminister, "see API tokens").Error is { } denied)
        {
            return denied;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var tokens = await db.ApiTokens.AsNoTracking().OrderByDescending(t => t.CreatedAt).ToListAsync(ct);
        return tokens.Select(t => CreateApiToken.View(t, now)).ToList();
    }
}
