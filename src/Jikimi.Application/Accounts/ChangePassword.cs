using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Jikimi.Application.Reminders;

namespace Jikimi.Application.Accounts;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>
/// Changes the password under the ISMS-P 2.5.4 rules, refusing the current and the last
/// <see cref="RememberedPasswords"/> ones; other sessions end (security stamp).
/// </summary>
public sealed class ChangePassword(UserManager<JikimiUser> users, JikimiDb db, AuditWriter audit, TimeProvider clock, IOptions<ReminderOptions> notices)
{
    public const int RememberedPasswords = 5;

    public async Task<Result> Handle(Actor actor, Guid? keepSessionId, ChangePasswordRequest req, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(actor.UserId.ToString());
        if (user is null)
        {
            return new NotFound("user", actor.UserId.ToString());
        }

        if (!await users.CheckPasswordAsync(user, req.CurrentPassword ?? string.Empty))
        {
            return new CurrentPasswordWrong();
        }

        var next = req.NewPassword ?? string.Empty;
        var history = await db.PasswordHistory.Where(h => h.UserId == user.Id).OrderByDescending(h => h.CreatedAt).Take(RememberedPasswords).ToListAsync(ct);
        if (history.Select(h => h.PasswordHash).Append(user.PasswordHash!)
            .Any(h => users.PasswordHasher.VerifyHashedPassword(user, h, next) != PasswordVerificationResult.Failed))
        {
            return new PasswordReused();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.PasswordHistory.Add(new PasswordHistoryEntry { UserId = user.Id, PasswordHash = user.PasswordHash!, CreatedAt = now });
        var result = await users.ChangePasswordAsync(user, req.CurrentPassword!, next);
        if (!result.Succeeded)
        {
            return new PasswordRejected(string.Join(" ", result.Errors.Select(x => x.Description)));
        }

        foreach (var s in await db.UserSessions.Where(s => s.UserId == user.Id && s.RevokedAt == null && s.Id != keepSessionId).ToListAsync(ct))
        {
            s.Revoke(now);
        }

        await AccountNotices.QueueAsync(db, notices.Value, user.Id, AccountNotices.PasswordChanged, now, ct);
        audit.Record(null, actor, AuditActions.UserPasswordChanged, "user", user.Id);
        return await audit.SaveAsync(ct);
    }
}
