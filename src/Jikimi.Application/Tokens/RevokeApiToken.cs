using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Tokens;

public sealed class RevokeApiToken(JikimiDb db, AuditWriter audit, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Reminders.ReminderOptions> notices)
{
    public async Task<Result> Handle(OrgAccess access, Guid id, CancellationToken ct)
    {
        if (access.Role != Role.Auditor && access.Require(Permissions.CanAdminister, "revoke API tokens").Error is { } denied)
        {
            return denied;
        }

        // An auditor revokes only their own tokens; anyone else's is "not found" to them.
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && (access.Role != Role.Auditor || t.CreatedBy == access.Actor.UserId), ct);
        if (token is null)
        {
            return new NotFound("api_token", id.ToString());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (token.Revoke(now).Error is { } e)
        {
            return e;
        }

        await Accounts.AccountNotices.QueueAsync(db, notices.Value, token.CreatedBy, Accounts.AccountNotices.TokensChanged, now, ct, access.OrganizationId);

        audit.Record(access, AuditActions.ApiTokenRevoked, "api_token", token.Id, new { token.Name, token.Hint });
        return await audit.SaveAsync(ct);
    }
}
