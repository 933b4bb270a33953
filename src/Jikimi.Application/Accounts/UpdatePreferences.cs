using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Setup;
using Jikimi.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Jikimi.Application.Accounts;

public sealed record UpdatePreferencesRequest(string? DisplayName, string? Language);

/// <summary>Display name and UI/report language ("ko" or "en"), remembered per user.</summary>
public sealed class UpdatePreferences(UserManager<JikimiUser> users, AuditWriter audit)
{
    public async Task<Result<UserView>> Handle(Actor actor, UpdatePreferencesRequest req, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(actor.UserId.ToString());
        if (user is null)
        {
            return new NotFound("user", actor.UserId.ToString());
        }

        if (req.Language is not null && req.Language is not ("ko" or "en"))
        {
            return new Invalid("language", "language is 'ko' or 'en'.");
        }

        if (req.DisplayName is not null)
        {
            var n = Text.Required("displayName", req.DisplayName, 100);
            if (n.Error is { } e)
            {
                return e;
            }

            user.DisplayName = n.Value!;
        }

        user.Language = req.Language ?? user.Language;
        await users.UpdateAsync(user);
        audit.Record(null, actor, AuditActions.UserPreferencesChanged, "user", user.Id, new { user.Language });
        var saved = await audit.SaveAsync(ct);
        return saved.Error is { } se ? se : new UserView(user.Id, user.Email!, user.DisplayName, user.IsSystemAdministrator, user.Language);
    }
}
