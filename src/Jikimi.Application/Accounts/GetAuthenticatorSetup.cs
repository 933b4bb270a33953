using System.Globalization;
using System.Text;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Accounts;

/// <summary>What an authenticator app needs: the shared key (shown grouped) and the otpauth:// URI for a QR code.</summary>
public sealed record AuthenticatorSetup(bool Enabled, string SharedKey, string OtpAuthUri, int RecoveryCodesLeft);

/// <summary>The user's authenticator state; creates a key on first visit (not enabled until a code is confirmed).</summary>
public sealed class GetAuthenticatorSetup(UserManager<JikimiUser> users, JikimiDb db)
{
    public const string Issuer = "Jikimi";

    public async Task<Result<AuthenticatorSetup>> Handle(Actor actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(actor.UserId.ToString());
        if (user is null)
        {
            return new NotFound("user", actor.UserId.ToString());
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await db.SaveChangesAsync(ct);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");
        return new AuthenticatorSetup(user.TwoFactorEnabled, Group(key!), uri, await users.CountRecoveryCodesAsync(user));
    }

    private static string Group(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}

/// <summary>Turns MFA on after the user proves their app works; returns ten one-time recovery codes (shown once).</summary>
public sealed class EnableAuthenticator(UserManager<JikimiUser> users, AuditWriter audit)
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
        audit.Record(null, actor, AuditActions.UserMfaEnabled, "user", user.Id);
        var saved = await audit.SaveAsync(ct);
        return saved.Error is { } e ? e : codes;
    }
}

/// <summary>New recovery codes (the old ones stop working).</summary>
public sealed class RegenerateRecoveryCodes(UserManager<JikimiUser> users, AuditWriter audit)
{
    public async Task<Result<IReadOnlyList<string>>> Handle(Actor actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(actor.UserId.ToString());
        if (user is null || !user.TwoFactorEnabled)
        {
            return new Invalid("mfa", "Multi-factor authentication is not enabled.");
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        audit.Record(null, actor, AuditActions.UserRecoveryCodesRegenerated, "user", user.Id);
        var saved = await audit.SaveAsync(ct);
        return saved.Error is { } e ? e : codes;
    }
}

/// <summary>Turns MFA off (password re-entered), unless an organization of the user requires it.</summary>
public sealed class DisableAuthenticator(UserManager<JikimiUser> users, JikimiDb db, AuditWriter audit)
{
    public async Task<Result> Handle(Actor actor, string? password, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(actor.UserId.ToString());
        if (user is null)
        {
            return new NotFound("user", actor.UserId.ToString());
        }

        if (!await users.CheckPasswordAsync(user, password ?? string.Empty))
        {
            return new CurrentPasswordWrong();
        }

        var required = await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == user.Id)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => o.RequireMfa).AnyAsync(r => r, ct);
        if (required)
        {
            return new MfaRequiredByOrganization();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        audit.Record(null, actor, AuditActions.UserMfaDisabled, "user", user.Id);
        return await audit.SaveAsync(ct);
    }
}
