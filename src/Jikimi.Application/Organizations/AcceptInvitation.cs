using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Access;
using Jikimi.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Organizations;

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
