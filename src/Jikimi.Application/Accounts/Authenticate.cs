using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Access;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Accounts;

/// <summary>Who a bearer secret or session cookie belongs to. An API token carries its own organization and role; a session
/// says whether its sign-in passed a second factor.</summary>
public sealed record Principal(Actor Actor, Guid? SessionId, Guid? TokenOrganizationId, Role? TokenRole, bool Mfa = false);

/// <summary>Resolves a bearer secret (session or API token) by its hash; expired, revoked or idle ones fail.</summary>
public sealed class Authenticate(JikimiDb db, TimeProvider clock, IOptions<AuthOptions> options, ReadCache cache)
{
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    public async Task<Principal?> Handle(string? secret, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 200)
        {
            return null;
        }

        var hash = ApiToken.HashSecret(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var key = "auth:" + hash;
        var generation = cache.SecurityGeneration;

        // A recent answer is reused until the token next needs its last-used time touched (once a minute) or
        // expires; revocations and sign-outs on this node invalidate at once (security generation).
        if (cache.TryGet<CachedPrincipal>(key, generation, out var hit) && now - hit.CheckedAt < TouchEvery && now < hit.ExpiresAt)
        {
            return hit.Principal;
        }

        var principal = await Lookup(secret, hash, now, ct);
        if (principal is not null)
        {
            cache.Set(key, generation, principal);
        }

        return principal?.Principal;
    }

    private sealed record CachedPrincipal(Principal Principal, DateTime CheckedAt, DateTime ExpiresAt);

    private async Task<CachedPrincipal?> Lookup(string secret, string hash, DateTime now, CancellationToken ct)
    {
        if (secret.StartsWith(ApiToken.Prefix, StringComparison.Ordinal))
        {
            var found = await db.ApiTokens.IgnoreQueryFilters().Where(t => t.SecretHash == hash)
                .Join(db.Users, t => t.CreatedBy, u => u.Id, (t, u) => new { Token = t, u.DisplayName })
                .FirstOrDefaultAsync(ct);
            if (found is null || !found.Token.IsActive(now))
            {
                return null;
            }

            var (token, creator) = (found.Token, found.DisplayName);

            // A token acts for its holder: it stops when the holder leaves the organization, and an auditor-role token
            // works only while its holder is still an auditor there (their own assignments are its whole reach).
            var holderRole = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
                .Where(m => m.OrganizationId == token.OrganizationId && m.UserId == token.CreatedBy)
                .Select(m => (Role?)m.Role).FirstOrDefaultAsync(ct);
            if (holderRole is null || (token.Role == Role.Auditor) != (holderRole == Role.Auditor))
            {
                return null;
            }
            if (token.LastUsedAt is null || now - token.LastUsedAt > TouchEvery)
            {
                token.MarkUsed(now);
                await db.SaveChangesAsync(ct);
            }

            return new CachedPrincipal(new Principal(new Actor(token.CreatedBy, $"api-token {token.Hint}… ({creator})", false, token.Id), null, token.OrganizationId, token.Role), now, token.ExpiresAt);
        }

        var pair = await db.UserSessions.Where(s => s.SecretHash == hash)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { Session = s, u.DisplayName, u.IsSystemAdministrator, u.LockoutEnd })
            .FirstOrDefaultAsync(ct);
        if (pair is null || !pair.Session.IsActive(now, options.Value.IdleTimeout))
        {
            return null;
        }

        var (session, user) = (pair.Session, pair);
        if (user.LockoutEnd is { } end && end > clock.GetUtcNow())
        {
            return null;
        }

        if (now - session.LastSeenAt > TouchEvery)
        {
            session.Touch(now);
            await db.SaveChangesAsync(ct);
        }

        var idleEnd = session.LastSeenAt + options.Value.IdleTimeout;
        return new CachedPrincipal(new Principal(new Actor(session.UserId, user.DisplayName, user.IsSystemAdministrator), session.Id, null, null, session.Mfa), now, idleEnd < session.ExpiresAt ? idleEnd : session.ExpiresAt);
    }
}
