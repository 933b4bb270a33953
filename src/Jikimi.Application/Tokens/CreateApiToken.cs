using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Access;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Tokens;

public sealed record ApiTokenView(Guid Id, string Name, string Role, string Hint, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt, bool Active);

public sealed record CreateApiTokenRequest(string? Name, string? Role, DateTime? ExpiresAt);

/// <summary>The new token; <see cref="Token"/> is shown this once and never stored.</summary>
public sealed record CreatedApiToken(ApiTokenView Info, string Token);

public sealed class CreateApiToken(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<CreatedApiToken>> Handle(OrgAccess access, CreateApiTokenRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanAdminister, "create API tokens").Error is { } denied)
        {
            return denied;
        }

        if (access.Actor.ApiTokenId is not null)
        {
            return new Forbidden("create API tokens with an API token");
        }

        if (!Permissions.TryParse(req.Role, out var role))
        {
            return new Invalid("role", "role must be administrator, compliance-manager, control-owner, auditor or viewer.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var created = ApiToken.Create(access.OrganizationId, access.Actor.UserId, req.Name, role, (req.ExpiresAt ?? now.AddDays(90)).ToUniversalTime(), now);
        if (created.Error is { } e)
        {
            return e;
        }

        var (token, secret) = created.Value;
        db.ApiTokens.Add(token);
        audit.Record(access, AuditActions.ApiTokenCreated, "api_token", token.Id, new { token.Name, role = role.ToWire(), token.Hint, token.ExpiresAt });
        var saved = await audit.SaveAsync(ct);
        return saved.Error is { } se ? se : new CreatedApiToken(View(token, now), secret);
    }

    internal static ApiTokenView View(ApiToken t, DateTime now) =>
        new(t.Id, t.Name, t.Role.ToWire(), t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.IsActive(now));
}

public sealed class ListApiTokens(JikimiDb db, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<ApiTokenView>>> Handle(OrgAccess access, CancellationToken ct)
    {
        if (access.Require(Permissions.CanAdminister, "see API tokens").Error is { } denied)
        {
            return denied;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var tokens = await db.ApiTokens.AsNoTracking().OrderByDescending(t => t.CreatedAt).ToListAsync(ct);
        return tokens.Select(t => CreateApiToken.View(t, now)).ToList();
    }
}

public sealed class RevokeApiToken(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result> Handle(OrgAccess access, Guid id, CancellationToken ct)
    {
        if (access.Require(Permissions.CanAdminister, "revoke API tokens").Error is { } denied)
        {
            return denied;
        }

        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null)
        {
            return new NotFound("api_token", id.ToString());
        }

        if (token.Revoke(clock.GetUtcNow().UtcDateTime).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.ApiTokenRevoked, "api_token", token.Id, new { token.Name, token.Hint });
        return await audit.SaveAsync(ct);
    }
}
