using System.ComponentModel.DataAnnotations;

namespace Jikimi.Application.Accounts;

/// <summary>Sign-in settings (section "Auth"), validated at start.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Bearer session lifetime from sign-in.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Idle time-out (ISMS-P 2.6.x asks for one on systems that handle personal information).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    [Range(3, 20)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);
}
