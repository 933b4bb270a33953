using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Access;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Accounts;

/// <summary>Who a bearer secret belongs to. An API token carries its own organization and role.</summary>
public sealed record Principal(Actor Actor, Guid? SessionId, Guid? TokenOrganizationId, Role? TokenRole);

/// <summary>Resolves a bearer secret (session or API token) by its hash; expired, revoked or idle ones fail.</summary>
public sealed class Authenticate(JikimiDb db, TimeProvider clock, IOptions<AuthOptions> options)
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
        if (secret.StartsWith(ApiToken.Prefix, StringComparison.Ordinal))
        {
            var token = await db.ApiTokens.IgnoreQueryFilters().FirstOrDefaultAsync(t => t.SecretHash == hash, ct);
            if (token is null || !token.IsActive(now))
            {
                return null;
            }

            var creator = await db.Users.AsNoTracking().Where(u => u.Id == token.CreatedBy).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            if (token.LastUsedAt is null || now - token.LastUsedAt > TouchEvery)
            {
                token.MarkUsed(now);
                await db.SaveChangesAsync(ct);
            }

            return new Principal(new Actor(token.CreatedBy, $"api-token {token.Hint}… ({creator})", false, token.Id), null, token.OrganizationId, token.Role);
        }

        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.SecretHash == hash, ct);
        if (session is null || !session.IsActive(now, options.Value.IdleTimeout))
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == session.UserId, ct);
        if (user is null || (user.LockoutEnd is { } end && end > clock.GetUtcNow()))
        {
            return null;
        }

        if (now - session.LastSeenAt > TouchEvery)
        {
            session.Touch(now);
            await db.SaveChangesAsync(ct);
        }

        return new Principal(new Actor(user.Id, user.DisplayName, user.IsSystemAdministrator), session.Id, null, null);
    }
}
