using Jikimi.Application.Data;
using Microsoft.AspNetCore.Identity;

namespace Jikimi.Application.Accounts;

/// <summary>
/// Password rules as the ISMS-P guide's example for 2.5.4: at least 8 characters of two kinds (letters, digits,
/// symbols) or at least 10 of one kind; no easily guessed passwords (common ones, repeated or sequential characters,
/// the e-mail name). Jikimi is audited against the controls it manages.
/// </summary>
public sealed class IsmsPasswordValidator : IPasswordValidator<JikimiUser>
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "password1", "password12", "password123", "passw0rd", "p@ssw0rd", "p@ssword", "p@ssword1", "qwerty", "qwerty123", "qwertyuiop",
        "1q2w3e4r", "1q2w3e4r!", "1q2w3e4r5t", "q1w2e3r4", "asdf1234", "zxcv1234", "qwer1234", "qwer1234!", "abcd1234", "abcd1234!", "abc12345",
        "admin123", "admin1234", "administrator", "welcome1", "welcome123", "letmein1", "iloveyou1", "sunshine1", "princess1", "football1",
        "baseball1", "dragon123", "monkey123", "master123", "superman1", "trustno1", "changeme", "changeme1", "default1", "secret123",
        "test1234", "test12345", "guest1234", "root1234", "user1234", "login1234", "korea123", "korea1234", "seoul123", "samsung1",
        "samsung123", "apple123", "google123", "naver1234", "kakao1234", "love1234", "sarang123", "saranghae", "jikimi123", "jikimi1234",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<JikimiUser> manager, JikimiUser user, string? password) =>
        Task.FromResult(Validate(password, user.Email));

    public static IdentityResult Validate(string? password, string? email)
    {
        var p = password ?? string.Empty;
        var errors = new List<IdentityError>();
        var kinds = (p.Any(char.IsLetter) ? 1 : 0) + (p.Any(char.IsDigit) ? 1 : 0) + (p.Any(ch => !char.IsLetterOrDigit(ch)) ? 1 : 0);
        if (!((kinds >= 2 && p.Length >= 8) || p.Length >= 10))
        {
            errors.Add(new IdentityError { Code = "password.too_weak", Description = "Use at least 8 characters of two kinds (letters, digits, symbols) or at least 10 characters." });
        }

        if (p.Length > 128)
        {
            errors.Add(new IdentityError { Code = "password.too_long", Description = "Use at most 128 characters." });
        }

        var local = email?.Split('@')[0];
        if (Common.Contains(p) || Repeated(p) || Sequential(p) || (local is { Length: >= 3 } && p.Contains(local, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new IdentityError { Code = "password.guessable", Description = "This password is too easy to guess (common, repeated or sequential characters, or your e-mail name)." });
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private static bool Repeated(string p) => p.Length > 0 && p.Distinct().Count() <= 2;

    private static bool Sequential(string p)
    {
        if (p.Length < 6)
        {
            return false;
        }

        var lower = p.ToLowerInvariant();
        var run = 1;
        for (var i = 1; i < lower.Length; i++)
        {
            run = Math.Abs(lower[i] - lower[i - 1]) == 1 ? run + 1 : 1;
            if (run >= 6)
            {
                return true;
            }
        }

        return false;
    }
}
