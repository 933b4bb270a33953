using System.Text;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Jikimi.Application.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Accounts;

/// <summary>Turns MFA off (password re-entered), unless an organization of the user requires it.</summary>
public sealed class DisableAuthenticator(UserManager<JikimiUser> users, JikimiDb db, AuditWriter audit, TimeProvider clock, IOptions<ReminderOptions> notices)
{
    public async Task<Result> Handle(Actor actor, string? password, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(actor.UserId.ToString());
        if (user is null)
        {
            return new NotFound("user", actor.UserId.ToString());
        }

        if (!await users.CheckPasswordAsync(user, password ?? string.Empty))
        {
            return new CurrentPasswordWrong();
        }

        var required = await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == user.Id)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => o.RequireMfa).AnyAsync(r => r, ct);
        if (required)
        {
            return new MfaRequiredByOrganization();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await AccountNotices.QueueAsync(db, notices.Value, user.Id, AccountNotices.MfaChanged, clock.GetUtcNow().UtcDateTime, ct);
        audit.Record(null, actor, AuditActions.UserMfaDisabled, "user", user.Id);
        return await audit.SaveAsync(ct);
    }
}
