using Jikimi.Domain.Common;

namespace Jikimi.Domain.Organizations;

/// <summary>A tenant: a company or institution preparing for or holding a certificate.</summary>
public sealed class Organization
{
    private Organization()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public DateTime CreatedAt { get; private set; }

    /// <summary>Members must sign in with a second factor to open this organization (ISMS-P 2.5.3 for privileged access).</summary>
    public bool RequireMfa { get; private set; }

    public void SetMfaRequirement(bool required) => RequireMfa = required;

    public static Result<Organization> Create(string? name, DateTime now)
    {
        var n = Text.Required("name", name, 200);
        if (n.Error is { } e)
        {
            return e;
        }

        return new Organization { Id = Guid.NewGuid(), Name = n.Value!, CreatedAt = now };
    }

    public Result Rename(string? name)
    {
        var n = Text.Required("name", name, 200);
        if (n.Error is { } e)
        {
            return e;
        }

        Name = n.Value!;
        return Result.Ok;
    }
}

/// <summary>A user's membership of an organization, with one role.</summary>
public sealed class Membership : ITenantOwned
{
    private Membership()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid UserId { get; private set; }
    public Role Role { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static Membership Create(Guid organizationId, Guid userId, Role role, DateTime now) =>
        new() { Id = Guid.NewGuid(), OrganizationId = organizationId, UserId = userId, Role = role, CreatedAt = now };

    public void ChangeRole(Role role) => Role = role;
}

public sealed record LastAdministrator() : ConflictError("member.last_administrator", "An organization needs at least one administrator.");

public sealed record AlreadyMember() : ConflictError("member.exists", "The user is already a member of this organization.");
