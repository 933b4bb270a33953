using System.Globalization;
using System.Text;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Microsoft.AspNetCore.Identity;

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
