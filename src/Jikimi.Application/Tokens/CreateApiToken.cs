using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Access;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;

namespace Jikimi.Application.Tokens;

public sealed record ApiTokenView(Guid Id, string Name, string Role, string Hint, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt, bool Active);

public sealed record CreateApiTokenRequest(string? Name, string? Role, DateTime? ExpiresAt);

/// <summary>The new token; <see cref="Token"/> is shown this once and never stored.</summary>
public sealed record CreatedApiToken(ApiTokenView Info, string Token);

public sealed class CreateApiToken(JikimiDb db, AuditWriter audit, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Reminders.ReminderOptions> notices)
{
    public async Task<Result<CreatedApiToken>> Handle(OrgAccess access, CreateApiTokenRequest req, CancellationToken ct)
    {
        // Administrators create tokens for the organization's automation; an auditor creates their own (auditor-role)
        // token, which then acts with the auditor's own assignments (AuditScope), never with anyone else's.
        if (access.Role != Role.Auditor && access.Require(Permissions.CanAdminister, "create API tokens").Error is { } denied)
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

        if (access.Role == Role.Auditor && role != Role.Auditor)
        {
            return new TokenRoleAboveHolder();
        }

        if (access.Role != Role.Auditor && role == Role.Auditor)
        {
            return new AuditorTokenIsPersonal();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var created = ApiToken.Create(access.OrganizationId, access.Actor.UserId, req.Name, role, (req.ExpiresAt ?? now.AddDays(90)).ToUniversalTime(), now);
        if (created.Error is { } e)
        {
            return e;
        }

        var (token, secret) = created.Value;
        db.ApiTokens.Add(token);
        await Accounts.AccountNotices.QueueAsync(db, notices.Value, token.CreatedBy, Accounts.AccountNotices.TokensChanged, now, ct, access.OrganizationId);
        audit.Record(access, AuditActions.ApiTokenCreated, "api_token", token.Id, new { token.Name, role = role.ToWire(), token.Hint, token.ExpiresAt });
        var saved = await audit.SaveAsync(ct);
        return saved.Error is { } se ? se : new CreatedApiToken(View(token, now), secret);
    }

    internal static ApiTokenView View(ApiToken t, DateTime now) =>
        new(t.Id, t.Name, t.Role.ToWire(), t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.IsActive(now));
}
