using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Accounts;

/// <summary>Ends one session, or every session and token-bound sign-in of the user ("sign out everywhere").</summary>
public sealed class SignOut(JikimiDb db, UserManager<JikimiUser> users, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result> Handle(Actor actor, Guid? sessionId, bool everywhere, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = db.UserSessions.Where(s => s.UserId == actor.UserId && s.RevokedAt == null);
        if (!everywhere)
        {
            sessions = sessions.Where(s => s.Id == sessionId);
        }

        foreach (var s in await sessions.ToListAsync(ct))
        {
            s.Revoke(now);
        }

        if (everywhere && await users.FindByIdAsync(actor.UserId.ToString()) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            audit.Record(null, actor, AuditActions.UserSignedOutEverywhere, "user", user.Id);
        }
        else
        {
            audit.Record(null, actor, AuditActions.UserSignedOut, "user", actor.UserId);
        }

        return await audit.SaveAsync(ct);
    }
}
