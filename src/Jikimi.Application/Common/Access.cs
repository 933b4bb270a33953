using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;

namespace Jikimi.Application.Common;

/// <summary>Who is acting: a signed-in user, or an API token acting with its own role.</summary>
public sealed record Actor(Guid UserId, string Name, bool IsSystemAdministrator, Guid? ApiTokenId = null)
{
    public static readonly Actor System = new(Guid.Empty, "system", true);
}

/// <summary>An actor admitted to one organization with one role. Built only after the membership (or token scope) was checked.</summary>
public sealed record OrgAccess(Guid OrganizationId, Role Role, Actor Actor)
{
    public Result Require(Func<Role, bool> permission, string action) =>
        permission(Role) ? Result.Ok : new Forbidden(action);
}
