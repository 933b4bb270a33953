using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Organizations;

public sealed class GetOrganization(JikimiDb db)
{
    public async Task<Result<OrganizationView>> Handle(OrgAccess access, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == access.OrganizationId, ct);
        return org is null ? new NotFound("organization", access.OrganizationId.ToString()) : new OrganizationView(org.Id, org.Name, access.Role.ToWire(), org.CreatedAt, org.RequireMfa);
    }
}
