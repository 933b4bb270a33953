using System.Security.Cryptography;
using Jikimi.Application.Data;
using Jikimi.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Setup;

/// <summary>
/// The one-time setup token. While no user exists, every start issues a fresh token (older ones stop working) and
/// the caller prints it once to the console — never to the log. There is no default password.
/// </summary>
public sealed class SetupTokens(JikimiDb db, TimeProvider clock)
{
    /// <summary>Returns a new secret to print, or null when setup is already complete.</summary>
    public async Task<string?> IssueIfNeededAsync(CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await foreach (var old in db.SetupTokens.Where(t => t.UsedAt == null).AsAsyncEnumerable().WithCancellation(ct))
        {
            old.UsedAt = now; // retired, not used: only the newest printed token works
        }

        var secret = "setup-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        db.SetupTokens.Add(new SetupToken { SecretHash = ApiToken.HashSecret(secret), CreatedAt = now });
        await db.SaveChangesAsync(ct);
        return secret;
    }
}
