using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Accounts;

/// <summary>Second step for users with MFA: a 6-digit authenticator code (each accepted once) or a one-time recovery code.</summary>
public sealed class VerifySecondFactor(UserManager<JikimiUser> users, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result> Handle(JikimiUser user, string? code, CancellationToken ct)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return new AccountLocked();
        }

        var c = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        var ok = c.Length == 6 && c.All(char.IsAsciiDigit)
            ? await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, c)
            : c.Length is > 6 and < 40 && (await users.RedeemTwoFactorRecoveryCodeAsync(user, c)).Succeeded;
        if (!ok)
        {
            var failed = await SignInFailures.CountAsync(users, audit, user, "second_factor", ct);
            return failed.Error!;
        }

        if (c.Length == 6 && !await SpentAuthenticatorCodes.TrySpendAsync(users, user, c, clock.GetUtcNow()))
        {
            var replayed = await SignInFailures.CountAsync(users, audit, user, "second_factor_replayed", ct);
            return replayed.Error!;
        }

        await users.ResetAccessFailedCountAsync(user);
        return Result.Ok;
    }
}
