using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Accounts;

/// <summary>The outcome of a correct password: who, and whether a second factor must follow.</summary>
public sealed record PasswordChecked(JikimiUser User, bool SecondFactorRequired);

/// <summary>First step of every password sign-in (API and web): checks the password; failures count towards lock-out.</summary>
public sealed class CheckPassword(UserManager<JikimiUser> users, AuditWriter audit)
{
    public async Task<Result<PasswordChecked>> Handle(string? email, string? password, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || user.PasswordHash is null)
        {
            // Same work as a real check, so timing does not tell which e-mails exist.
            users.PasswordHasher.VerifyHashedPassword(new JikimiUser(), DummyHash, password ?? string.Empty);
            return new SignInFailed();
        }

        if (await users.IsLockedOutAsync(user))
        {
            return new AccountLocked();
        }

        if (!await users.CheckPasswordAsync(user, password ?? string.Empty))
        {
            return await SignInFailures.CountAsync(users, audit, user, "password", ct);
        }

        if (!user.TwoFactorEnabled)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        return new PasswordChecked(user, user.TwoFactorEnabled);
    }

    private static readonly string DummyHash = new PasswordHasher<JikimiUser>().HashPassword(new JikimiUser(), "jikimi-dummy-password-for-timing");
}

internal static class SignInFailures
{
    public static async Task<Result<PasswordChecked>> CountAsync(UserManager<JikimiUser> users, AuditWriter audit, JikimiUser user, string step, CancellationToken ct)
    {
        await users.AccessFailedAsync(user);
        var locked = await users.IsLockedOutAsync(user);
        audit.Record(null, new Actor(user.Id, user.DisplayName, user.IsSystemAdministrator), AuditActions.UserSignInFailed, "user", user.Id, new { locked, step });
        await audit.SaveAsync(ct);
        return locked ? new AccountLocked() : step == "password" ? new SignInFailed() : new SecondFactorFailed();
    }
}
