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

public sealed record MemberView(Guid UserId, string Email, string DisplayName, string Role, DateTime Since);

public sealed record AddMemberRequest(string? Email, string? DisplayName, string? Role);

/// <summary>The result of adding a member: for a new user, a one-time invitation secret to pass on (shown once).</summary>
public sealed record AddMemberResult(MemberView Member, string? InvitationToken, DateTime? InvitationExpiresAt);

public sealed class ListMembers(JikimiDb db)
{
    public async Task<IReadOnlyList<MemberView>> Handle(OrgAccess access, CancellationToken ct)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email, u.DisplayName, m.Role, m.CreatedAt })
            .OrderBy(x => x.DisplayName)
            .ToListAsync(ct);
        return rows.Select(r => new MemberView(r.Id, r.Email!, r.DisplayName, r.Role.ToWire(), r.CreatedAt)).ToList();
    }
}

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

public sealed record ChangeRoleRequest(string? Role);

public sealed class ChangeMemberRole(JikimiDb db, AuditWriter audit)
{
    public async Task<Result<MemberView>> Handle(OrgAccess access, Guid userId, ChangeRoleRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanAdminister, "change roles").Error is { } denied)
        {
            return denied;
        }

        if (!Permissions.TryParse(req.Role, out var role))
        {
            return new Invalid("role", "role must be administrator, compliance-manager, control-owner, auditor or viewer.");
        }

        var m = await db.Memberships.FirstOrDefaultAsync(x => x.UserId == userId, ct);
        if (m is null)
        {
            return new NotFound("member", userId.ToString());
        }

        if (m.Role == Role.Administrator && role != Role.Administrator && await db.Memberships.CountAsync(x => x.Role == Role.Administrator, ct) == 1)
        {
            return new LastAdministrator();
        }

        var before = m.Role;
        m.ChangeRole(role);
        audit.Record(access, AuditActions.MemberRoleChanged, "member", userId, new { before = before.ToWire(), after = role.ToWire() });
        var saved = await audit.SaveAsync(ct);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        return saved.Error is { } se ? se : new MemberView(userId, user.Email!, user.DisplayName, role.ToWire(), m.CreatedAt);
    }
}

public sealed class RemoveMember(JikimiDb db, AuditWriter audit)
{
    public async Task<Result> Handle(OrgAccess access, Guid userId, CancellationToken ct)
    {
        if (access.Require(Permissions.CanAdminister, "remove members").Error is { } denied)
        {
            return denied;
        }

        var m = await db.Memberships.FirstOrDefaultAsync(x => x.UserId == userId, ct);
        if (m is null)
        {
            return new NotFound("member", userId.ToString());
        }

        if (m.Role == Role.Administrator && await db.Memberships.CountAsync(x => x.Role == Role.Administrator, ct) == 1)
        {
            return new LastAdministrator();
        }

        db.Memberships.Remove(m);
        audit.Record(access, AuditActions.MemberRemoved, "member", userId, new { role = m.Role.ToWire() });
        return await audit.SaveAsync(ct);
    }
}

public sealed record AcceptInvitationRequest(string? Token, string? Password);

/// <summary>A new user sets their own password with the invitation secret (no administrator ever knows it).</summary>
public sealed class AcceptInvitation(JikimiDb db, UserManager<JikimiUser> users, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<Setup.UserView>> Handle(AcceptInvitationRequest req, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = ApiToken.HashSecret(req.Token?.Trim() ?? string.Empty);
        var inv = await db.Invitations.FirstOrDefaultAsync(i => i.SecretHash == hash, ct);
        if (inv is null || inv.AcceptedAt is not null || inv.ExpiresAt <= now)
        {
            return new InvitationInvalid();
        }

        var user = await users.FindByIdAsync(inv.UserId.ToString());
        if (user is null)
        {
            return new InvitationInvalid();
        }

        var result = await users.AddPasswordAsync(user, req.Password ?? string.Empty);
        if (!result.Succeeded)
        {
            return new PasswordRejected(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        user.EmailConfirmed = true;
        inv.AcceptedAt = now;
        audit.Record(inv.OrganizationId, new Actor(user.Id, user.DisplayName, user.IsSystemAdministrator), AuditActions.InvitationAccepted, "user", user.Id);
        var saved = await audit.SaveAsync(ct);
        return saved.Error is { } se ? se : new Setup.UserView(user.Id, user.Email!, user.DisplayName, user.IsSystemAdministrator, user.Language);
    }
}
