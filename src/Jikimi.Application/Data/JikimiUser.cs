using Microsoft.AspNetCore.Identity;

namespace Jikimi.Application.Data;

/// <summary>A person who signs in (ASP.NET Core Identity user). Organizations are reached through memberships.</summary>
public sealed class JikimiUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Instance administrator: may create organizations. The first user (from the setup token) is one.</summary>
    public bool IsSystemAdministrator { get; set; }

    /// <summary>Preferred UI/report language: "ko" or "en".</summary>
    public string Language { get; set; } = "ko";

    public DateTime CreatedAt { get; set; }
}
