using System.Globalization;
using Jikimi.Application.Data;
using Microsoft.AspNetCore.Identity;

namespace Jikimi.Application.Accounts;

/// <summary>
/// Authenticator codes already used to sign in (ASVS 2.8.4, ADR 0068). Identity accepts a code for two time steps either
/// side of now (about two and a half minutes) and keeps no record of it, so a code read over a shoulder or from a proxy
/// log would open a second session. The codes used in the last five minutes are kept among the user's Identity tokens
/// (no schema change) and refused again; the write rides on the sign-in's one save, so two sign-ins racing with one
/// code collide on the user's concurrency stamp.
/// </summary>
internal static class SpentAuthenticatorCodes
{
    private const string Provider = "Jikimi";
    private const string Name = "SpentAuthenticatorCodes";
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(5);

    /// <summary>False when the code was already used within its validity; otherwise records it as used.</summary>
    public static async Task<bool> TrySpendAsync(UserManager<JikimiUser> users, JikimiUser user, string code, DateTimeOffset now)
    {
        var kept = Parse(await users.GetAuthenticationTokenAsync(user, Provider, Name))
            .Where(e => now - e.At < Keep && e.At <= now + Keep).ToList();
        if (kept.Exists(e => string.Equals(e.Code, code, StringComparison.Ordinal)))
        {
            return false;
        }

        kept.Add((now, code));
        var value = string.Join(';', kept.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.At.ToUnixTimeSeconds()}:{e.Code}")));
        return (await users.SetAuthenticationTokenAsync(user, Provider, Name, value)).Succeeded;
    }

    private static IEnumerable<(DateTimeOffset At, string Code)> Parse(string? value)
    {
        foreach (var entry in (value ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && long.TryParse(entry.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                yield return (DateTimeOffset.FromUnixTimeSeconds(seconds), entry[(colon + 1)..]);
            }
        }
    }
}
