using System.Security.Cryptography;
using System.Text;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;

namespace Jikimi.Domain.Access;

/// <summary>
/// An API token for automation: scoped to one organization and one role, expiring, revocable. Only its SHA-256
/// is stored; the secret is shown once at creation.
/// </summary>
public sealed class ApiToken : ITenantOwned
{
    public const string Prefix = "jk_";

    private ApiToken()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid CreatedBy { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public Role Role { get; private set; }

    /// <summary>The first characters of the secret, to recognise a token in lists and logs.</summary>
    public string Hint { get; private set; } = string.Empty;

    public string SecretHash { get; private set; } = string.Empty;
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }

    public static Result<(ApiToken Token, string Secret)> Create(Guid organizationId, Guid createdBy, string? name, Role role, DateTime expiresAt, DateTime now)
    {
        var n = Text.Required("name", name, 100);
        if (n.Error is { } e)
        {
            return e;
        }

        if (expiresAt <= now || expiresAt > now.AddDays(366 * 2))
        {
            return new Invalid("expiresAt", "expiresAt must be in the future and at most two years away.");
        }

        var secret = NewSecret();
        var token = new ApiToken
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            CreatedBy = createdBy,
            Name = n.Value!,
            Role = role,
            Hint = secret[..(Prefix.Length + 6)],
            SecretHash = HashSecret(secret),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        return (token, secret);
    }

    public bool IsActive(DateTime now) => RevokedAt is null && ExpiresAt > now;

    public Result Revoke(DateTime now)
    {
        if (RevokedAt is not null)
        {
            return new TokenAlreadyRevoked();
        }

        RevokedAt = now;
        return Result.Ok;
    }

    public void MarkUsed(DateTime now) => LastUsedAt = now;

    public static string NewSecret() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

/// <summary>A signed-in user's bearer session (from /api/v1/auth/login). Hashed at rest; idle and absolute expiry.</summary>
public sealed class UserSession
{
    private UserSession()
    {
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string SecretHash { get; private set; } = string.Empty;
    public DateTime CreatedAt { get; private set; }
    public DateTime LastSeenAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    /// <summary>True when the sign-in passed a second factor (TOTP, recovery code, or an SSO provider that reported one).</summary>
    public bool Mfa { get; private set; }

    public static (UserSession Session, string Secret) Create(Guid userId, TimeSpan lifetime, DateTime now, bool mfa = false)
    {
        var secret = ApiToken.NewSecret().Replace(ApiToken.Prefix, "jks_", StringComparison.Ordinal);
        return (new UserSession { Id = Guid.NewGuid(), UserId = userId, SecretHash = ApiToken.HashSecret(secret), CreatedAt = now, LastSeenAt = now, ExpiresAt = now + lifetime, Mfa = mfa }, secret);
    }

    public bool IsActive(DateTime now, TimeSpan idleTimeout) => RevokedAt is null && ExpiresAt > now && LastSeenAt + idleTimeout > now;

    public void Touch(DateTime now) => LastSeenAt = now;

    public void Revoke(DateTime now) => RevokedAt ??= now;
}

public sealed record TokenAlreadyRevoked() : ConflictError("token.revoked", "The token is already revoked.");

/// <summary>An auditor-role token acts with its holder's own audit assignments, so only the auditor creates it (for themselves).</summary>
public sealed record AuditorTokenIsPersonal() : RuleError("token.auditor_personal", "An auditor-role API token is created by the auditor themselves; it then reaches only their assigned audits.");

/// <summary>A token never has more reach than its holder: an auditor creates auditor-role tokens only.</summary>
public sealed record TokenRoleAboveHolder() : ForbiddenError("token.role_above_holder", "You may create API tokens with your own role only.");
