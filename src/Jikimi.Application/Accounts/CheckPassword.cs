using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Setup;
using Jikimi.Application.Data;
using Jikimi.Domain.Access;
using Jikimi.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Accounts;

/// <summary>API sign-in. <paramref name="Code"/> is the authenticator code (or a recovery code) when the user has MFA.</summary>
public sealed record SignInRequest(string? Email, string? Password, string? Code = null);

public sealed record SignInResult(string Token, DateTime ExpiresAt, UserView User);

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

/// <summary>Second step for users with MFA: a 6-digit authenticator code or a one-time recovery code.</summary>
public sealed class VerifySecondFactor(UserManager<JikimiUser> users, AuditWriter audit)
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

        await users.ResetAccessFailedCountAsync(user);
        return Result.Ok;
    }
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

/// <summary>Opens a server-side session for a user who passed every factor; the secret goes to a bearer header or a cookie.</summary>
public sealed class StartSession(JikimiDb db, AuditWriter audit, TimeProvider clock, IOptions<AuthOptions> options)
{
    public async Task<Result<SignInResult>> Handle(JikimiUser user, bool mfa, string method, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (session, secret) = UserSession.Create(user.Id, options.Value.SessionLifetime, now, mfa);
        db.UserSessions.Add(session);
        audit.Record(null, new Actor(user.Id, user.DisplayName, user.IsSystemAdministrator), AuditActions.UserSignedIn, "user", user.Id, new { method, mfa });
        var saved = await audit.SaveAsync(ct);
        return saved.Error is { } e ? e : new SignInResult(secret, session.ExpiresAt, new UserView(user.Id, user.Email!, user.DisplayName, user.IsSystemAdministrator, user.Language));
    }
}

/// <summary>Password sign-in for the API (one call: e-mail, password and, with MFA, the code); returns a bearer session token.</summary>
public sealed class SignIn(CheckPassword password, VerifySecondFactor secondFactor, StartSession start)
{
    public async Task<Result<SignInResult>> Handle(SignInRequest req, CancellationToken ct)
    {
        var checkedUser = await password.Handle(req.Email, req.Password, ct);
        if (checkedUser.Error is { } e)
        {
            return e;
        }

        var (user, needsCode) = checkedUser.Value!;
        if (needsCode)
        {
            if (string.IsNullOrWhiteSpace(req.Code))
            {
                return new SecondFactorRequired();
            }

            if ((await secondFactor.Handle(user, req.Code, ct)).Error is { } fe)
            {
                return fe;
            }
        }

        return await start.Handle(user, needsCode, needsCode ? "password+totp" : "password", ct);
    }
}

/// <summary>Ends one session, or every session and token-bound sign-in of the user ("sign out everywhere").</summary>
public sealed class SignOut(JikimiDb db, UserManager<JikimiUser> users, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result> Handle(Actor actor, Guid? sessionId, bool everywhere, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = db.UserSessions.Where(s => s.UserId == actor.UserId && s.RevokedAt == null);
        if (!everywhere)
        {
            sessions = sessions.Where(s => s.Id == sessionId);
        }

        foreach (var s in await sessions.ToListAsync(ct))
        {
            s.Revoke(now);
        }

        if (everywhere && await users.FindByIdAsync(actor.UserId.ToString()) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            audit.Record(null, actor, AuditActions.UserSignedOutEverywhere, "user", user.Id);
        }
        else
        {
            audit.Record(null, actor, AuditActions.UserSignedOut, "user", actor.UserId);
        }

        return await audit.SaveAsync(ct);
    }
}
