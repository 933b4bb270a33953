using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Jikimi.Application.Accounts;

/// <summary>Creates a user through Identity (e-mail and password rules), adding it to the unit of work.</summary>
internal static class NewUser
{
    public static async Task<Result<JikimiUser>> CreateAsync(UserManager<JikimiUser> users, string? email, string? displayName, string? password, string? language, bool systemAdministrator, DateTime now)
    {
        var e = Text.Required("email", email, 254);
        var n = Text.Required("displayName", displayName, 100);
        if ((e.Error ?? n.Error) is { } err)
        {
            return err;
        }

        if (!System.Net.Mail.MailAddress.TryCreate(e.Value, out _))
        {
            return new Invalid("email", "email is not a valid address.");
        }

        if (await users.FindByEmailAsync(e.Value!) is not null)
        {
            return new EmailTaken();
        }

        var user = new JikimiUser
        {
            Id = Guid.NewGuid(),
            UserName = e.Value,
            Email = e.Value,
            DisplayName = n.Value!,
            IsSystemAdministrator = systemAdministrator,
            Language = language == "en" ? "en" : "ko",
            CreatedAt = now,
            LockoutEnabled = true,
        };
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return result.Errors.Any(x => x.Code.StartsWith("password", StringComparison.Ordinal) || x.Code.StartsWith("Password", StringComparison.Ordinal))
                ? new PasswordRejected(string.Join(" ", result.Errors.Select(x => x.Description)))
                : new Invalid("user", string.Join(" ", result.Errors.Select(x => x.Description)));
        }

        return user;
    }
}
