using System.Text;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Application.Reminders;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Accounts;

/// <summary>New recovery codes (the old ones stop working).</summary>
public sealed class RegenerateRecoveryCodes(UserManager<JikimiUser> users, AuditWriter audit, JikimiDb db, TimeProvider clock, IOptions<ReminderOptions> notices)
{
    public async Task<Result<IReadOnlyList<string>>> Handle(Actor actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(actor.UserId.ToString());
        if (user is null || !user.TwoFactorEnabled)
        {
            return new Invalid("mfa", "Multi-factor authentication is not enabled.");
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await AccountNotices.QueueAsync(db, notices.Value, user.Id, AccountNotices.MfaChanged, clock.GetUtcNow().UtcDateTime, ct);
        audit.Record(null, actor, AuditActions.UserRecoveryCodesRegenerated, "user", user.Id);
        var saved = await audit.SaveAsync(ct);
        return saved.Error is { } e ? e : codes;
    }
}
