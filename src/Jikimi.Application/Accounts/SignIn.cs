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

public sealed record SignInRequest(string? Email, string? Password);

public sealed record SignInResult(string Token, DateTime ExpiresAt, UserView User);

/// <summary>Password sign-in for the API: returns a bearer session token (hashed at rest). Failures lock the account.</summary>
public sealed class SignIn(JikimiDb db, UserManager<JikimiUser> users, AuditWriter audit, TimeProvider clock, IOptions<AuthOptions> options)
{
    public async Task<Result<SignInResult>> Handle(SignInRequest req, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(req.Email) ? null : await users.FindByEmailAsync(req.Email.Trim());
        if (user is null || user.PasswordHash is null)
        {
            // Same work as a real check, so timing does not tell which e-mails exist.
            users.PasswordHasher.VerifyHashedPassword(new JikimiUser(), DummyHash, req.Password ?? string.Empty);
            return new SignInFailed();
        }

        var actor = new Actor(user.Id, user.DisplayName, user.IsSystemAdministrator);
        if (await users.IsLockedOutAsync(user))
        {
            return new AccountLocked();
        }

        if (!await users.CheckPasswordAsync(user, req.Password ?? string.Empty))
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            audit.Record(null, actor, AuditActions.UserSignInFailed, "user", user.Id, new { locked });
            await audit.SaveAsync(ct);
            return locked ? new AccountLocked() : new SignInFailed();
        }

        await users.ResetAccessFailedCountAsync(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var (session, secret) = UserSession.Create(user.Id, options.Value.SessionLifetime, now);
        db.UserSessions.Add(session);
        audit.Record(null, actor, AuditActions.UserSignedIn, "user", user.Id);
        var saved = await audit.SaveAsync(ct);
        return saved.Error is { } e ? e : new SignInResult(secret, session.ExpiresAt, new UserView(user.Id, user.Email!, user.DisplayName, user.IsSystemAdministrator, user.Language));
    }

    private static readonly string DummyHash = new PasswordHasher<JikimiUser>().HashPassword(new JikimiUser(), "jikimi-dummy-password-for-timing");
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
            await users.UpdateSecurityStampAsync(user); // also ends cookie sign-ins (web UI)
            audit.Record(null, actor, AuditActions.UserSignedOutEverywhere, "user", user.Id);
        }
        else
        {
            audit.Record(null, actor, AuditActions.UserSignedOut, "user", actor.UserId);
        }

        return await audit.SaveAsync(ct);
    }
}
