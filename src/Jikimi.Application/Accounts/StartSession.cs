using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Setup;
using Jikimi.Application.Data;
using Jikimi.Domain.Access;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Accounts;

/// <summary>Opens a server-side session for a user who passed every factor; the secret goes to a bearer header or a cookie.</summary>
public sealed class StartSession(JikimiDb db, AuditWriter audit, TimeProvider clock, IOptions<AuthOptions> options)
{
    public async Task<Result<SignInResult>> Handle(JikimiUser user, bool mfa, string method, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (session, secret) = UserSession.Create(user.Id, options.Value.SessionLifetime, now, mfa);
        db.UserSessions.Add(session);
        audit.Record(null, new Actor(user.Id, user.DisplayName, user.IsSystemAdministrator), AuditActions.UserSignedIn, "user", user.Id, new { method, mfa });
        var saved = await audit.SaveAsync(ct);
        return saved.Error is { } e ? e : new SignInResult(secret, session.ExpiresAt, new UserView(user.Id, user.Email!, user.DisplayName, user.IsSystemAdministrator, user.Language));
    }
}
