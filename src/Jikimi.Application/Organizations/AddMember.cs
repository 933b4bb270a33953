using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Access;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Organizations;

public sealed record AddMemberRequest(string? Email, string? DisplayName, string? Role);

/// <summary>The result of adding a member: for a new user, a one-time invitation secret to pass on (shown once).</summary>
public sealed record AddMemberResult(MemberView Member, string? InvitationToken, DateTime? InvitationExpiresAt);

/// <summary>Adds an existing user, or creates one without a password and returns an invitation to set it.</summary>
public sealed class AddMember(JikimiDb db, UserManager<JikimiUser> users, AuditWriter audit, TimeProvider clock, IOptions<Accounts.AuthOptions> options)
{
    public async Task<Result<AddMemberResult>> Handle(OrgAccess access, AddMemberRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanAdminister, "add members").Error is { } denied)
        {
            return denied;
        }

        if (!Permissions.TryParse(req.Role, out var role))
        {
            return new Invalid("role", "role must be administrator, compliance-manager, control-owner, auditor or viewer.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = string.IsNullOrWhiteSpace(req.Email) ? null : await users.FindByEmailAsync(req.Email.Trim());
        string? secret = null;
        DateTime? expires = null;
        if (user is null)
        {
            var created = await Accounts.NewUser.CreateAsync(users, req.Email, req.DisplayName, null, "ko", systemAdministrator: false, now);
            if (created.Error is { } e)
            {
                return e;
            }

            user = created.Value!;
            secret = "inv_" + ApiToken.NewSecret()[ApiToken.Prefix.Length..];
            expires = now + options.Value.InvitationLifetime;
            db.Invitations.Add(new Invitation { Id = Guid.NewGuid(), UserId = user.Id, OrganizationId = access.OrganizationId, SecretHash = ApiToken.HashSecret(secret), CreatedAt = now, ExpiresAt = expires.Value });
        }
        else if (await db.Memberships.AnyAsync(m => m.UserId == user.Id, ct))
        {
            return new AlreadyMember();
        }

        var membership = Membership.Create(access.OrganizationId, user.Id, role, now);
        db.Memberships.Add(membership);
        audit.Record(access, AuditActions.MemberAdded, "member", user.Id, new { user.DisplayName, role = role.ToWire(), invited = secret is not null });
        var saved = await audit.SaveAsync(ct);
        return saved.Error is { } se ? se : new AddMemberResult(new MemberView(user.Id, user.Email!, user.DisplayName, role.ToWire(), now), secret, expires);
    }
}
