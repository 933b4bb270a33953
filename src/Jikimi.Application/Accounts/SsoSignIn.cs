using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Jikimi.Application.Accounts;

/// <summary>What the OpenID Connect provider vouched for.</summary>
public sealed record ExternalIdentity(string Provider, string Subject, string? Email, bool EmailVerified, string? Name, bool Mfa);

public sealed record SsoUnknownUser() : RuleError("auth.sso_unknown_user", "No Jikimi account has this e-mail: ask an administrator to invite you first.");

public sealed record SsoEmailNotVerified() : RuleError("auth.sso_email_unverified", "The identity provider did not confirm the e-mail address.");

/// <summary>
/// Single sign-on: maps the provider's verified e-mail to a Jikimi account (invited beforehand, or created when
/// <c>autoProvision</c> is on) and opens a session. The provider's second factor counts only when it says so (amr) and
/// the settings trust it.
/// </summary>
public sealed class SsoSignIn(UserManager<JikimiUser> users, StartSession start, TimeProvider clock, AuditWriter audit)
{
    public async Task<Result<SignInResult>> Handle(ExternalIdentity identity, bool autoProvision, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(identity.Email) || !identity.EmailVerified)
        {
            return new SsoEmailNotVerified();
        }

        var user = await users.FindByEmailAsync(identity.Email.Trim());
        if (user is null)
        {
            if (!autoProvision)
            {
                return new SsoUnknownUser();
            }

            var created = await NewUser.CreateAsync(users, identity.Email, identity.Name ?? identity.Email, null, "ko", systemAdministrator: false, clock.GetUtcNow().UtcDateTime);
            if (created.Error is { } e)
            {
                return e;
            }

            user = created.Value!;
            audit.Record(null, new Actor(user.Id, user.DisplayName, false), AuditActions.UserProvisioned, "user", user.Id, new { identity.Provider });
        }

        if (await users.IsLockedOutAsync(user))
        {
            return new AccountLocked();
        }

        return await start.Handle(user, identity.Mfa, "oidc", ct);
    }
}
