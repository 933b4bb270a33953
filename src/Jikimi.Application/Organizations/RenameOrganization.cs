using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Organizations;

public sealed record RenameOrganizationRequest(string? Name);

public sealed class RenameOrganization(JikimiDb db, AuditWriter audit)
{
    public async Task<Result<OrganizationView>> Handle(OrgAccess access, RenameOrganizationRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanAdminister, "rename the organization").Error is { } denied)
        {
            return denied;
        }

        var org = await db.Organizations.FirstAsync(o => o.Id == access.OrganizationId, ct);
        var before = org.Name;
        if (org.Rename(req.Name).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.OrganizationRenamed, "organization", org.Id, new { before, after = org.Name });
        var saved = await audit.SaveAsync(ct);
        return saved.Error is { } se ? se : new OrganizationView(org.Id, org.Name, access.Role.ToWire(), org.CreatedAt, org.RequireMfa);
    }
}
