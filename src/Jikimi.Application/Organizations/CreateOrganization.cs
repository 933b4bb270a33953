using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Scope;

namespace Jikimi.Application.Organizations;

public sealed record CreateOrganizationRequest(string? Name);

public sealed record OrganizationView(Guid Id, string Name, string Role, DateTime CreatedAt, bool RequireMfa = false);

/// <summary>An instance administrator creates an organization and becomes its administrator.</summary>
public sealed class CreateOrganization(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<OrganizationView>> Handle(Actor actor, CreateOrganizationRequest req, CancellationToken ct)
    {
        if (!actor.IsSystemAdministrator)
        {
            return new SystemAdministratorOnly();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var created = Organization.Create(req.Name, now);
        if (created.Error is { } e)
        {
            return e;
        }

        var org = created.Value!;
        db.Organizations.Add(org);
        db.Memberships.Add(Membership.Create(org.Id, actor.UserId, Role.Administrator, now));
        db.Scopes.Add(CertificationScope.CreateDefault(org.Id, now));
        audit.Record(org.Id, actor, AuditActions.OrganizationCreated, "organization", org.Id, new { org.Name });
        var saved = await audit.SaveAsync(ct);
        return saved.Error is { } se ? se : new OrganizationView(org.Id, org.Name, Role.Administrator.ToWire(), org.CreatedAt);
    }
}
