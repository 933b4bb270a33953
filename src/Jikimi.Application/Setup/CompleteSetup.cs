using System.Security.Cryptography;
using System.Text;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Access;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Setup;

public sealed record CompleteSetupRequest(string? SetupToken, string? Email, string? DisplayName, string? Password, string? Language = "ko");

public sealed record UserView(Guid Id, string Email, string DisplayName, bool IsSystemAdministrator, string Language);

/// <summary>Creates the first administrator with the one-time token; joins them to any organization seeded before (demo).</summary>
public sealed class CompleteSetup(JikimiDb db, UserManager<JikimiUser> users, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<UserView>> Handle(CompleteSetupRequest req, CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct))
        {
            return new SetupAlreadyDone();
        }

        var hash = ApiToken.HashSecret(req.SetupToken?.Trim() ?? string.Empty);
        var token = await db.SetupTokens.Where(t => t.UsedAt == null).OrderByDescending(t => t.Id).FirstOrDefaultAsync(ct);
        if (token is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token.SecretHash), Encoding.ASCII.GetBytes(hash)))
        {
            return new SetupTokenInvalid();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var created = await Accounts.NewUser.CreateAsync(users, req.Email, req.DisplayName, req.Password, req.Language, systemAdministrator: true, now);
        if (created.Error is { } e)
        {
            return e;
        }

        var user = created.Value!;
        token.UsedAt = now;
        var actor = new Actor(user.Id, user.DisplayName, true);
        foreach (var orgId in await db.Organizations.Select(o => o.Id).ToListAsync(ct))
        {
            db.Memberships.Add(Membership.Create(orgId, user.Id, Role.Administrator, now));
            audit.Record(orgId, actor, AuditActions.MemberAdded, "member", user.Id, new { role = Role.Administrator.ToWire(), via = "setup" });
        }

        audit.Record(null, actor, AuditActions.SetupCompleted, "user", user.Id, new { user.DisplayName });
        var saved = await audit.SaveAsync(ct);
        return saved.Error is { } se ? se : new UserView(user.Id, user.Email!, user.DisplayName, true, user.Language);
    }
}
