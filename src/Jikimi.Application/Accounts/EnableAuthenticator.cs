using System.Text;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Application.Reminders;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Accounts;

/// <summary>Turns MFA on after the user proves their app works; returns ten one-time recovery codes (shown once).</summary>
public sealed class EnableAuthenticator(UserManager<JikimiUser> users, AuditWriter audit, JikimiDb db, TimeProvider clock, IOptions<ReminderOptions> notices)
{
    public async Task<Result<IReadOnlyList<string>>> Handle(Actor actor, string? code, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(actor.UserId.ToString());
        if (user is null)
        {
            return new NotFound("user", actor.UserId.ToString());
        }

        var c = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        if (c.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, c))
        {
            return new AuthenticatorCodeWrong();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await AccountNotices.QueueAsync(db, notices.Value, user.Id, AccountNotices.MfaChanged, clock.GetUtcNow().UtcDateTime, ct);
        audit.Record(null, actor, AuditActions.UserMfaEnabled, "user", user.Id);
        var saved = await audit.SaveAsync(ct);
        return saved.Error is { } e ? e : codes;
    }
}
