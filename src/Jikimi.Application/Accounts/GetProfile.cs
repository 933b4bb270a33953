using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Setup;
using Jikimi.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Accounts;

public sealed record ProfileView(UserView User, bool MfaEnabled, int RecoveryCodesLeft, int ActiveSessions);

public sealed class GetProfile(UserManager<JikimiUser> users, JikimiDb db, TimeProvider clock)
{
    public async Task<Result<ProfileView>> Handle(Actor actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(actor.UserId.ToString());
        if (user is null)
        {
            return new NotFound("user", actor.UserId.ToString());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = await db.UserSessions.CountAsync(s => s.UserId == user.Id && s.RevokedAt == null && s.ExpiresAt > now, ct);
        return new ProfileView(new UserView(user.Id, user.Email!, user.DisplayName, user.IsSystemAdministrator, user.Language), user.TwoFactorEnabled,
            user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0, sessions);
    }
}
