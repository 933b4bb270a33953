using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Organizations;

public sealed record MfaRequirementRequest(bool Required);

/// <summary>An administrator makes a second factor mandatory for everyone who opens the organization (or lifts it).</summary>
public sealed class SetMfaRequirement(JikimiDb db, AuditWriter audit)
{
    public async Task<Result<OrganizationView>> Handle(OrgAccess access, MfaRequirementRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanAdminister, "change the organization's sign-in rules").Error is { } denied)
        {
            return denied;
        }

        var org = await db.Organizations.FirstAsync(o => o.Id == access.OrganizationId, ct);
        org.SetMfaRequirement(req.Required);
        audit.Record(access, AuditActions.OrganizationMfaRequirementChanged, "organization", org.Id, new { required = req.Required });
        var saved = await audit.SaveAsync(ct);
        return saved.Error is { } se ? se : new OrganizationView(org.Id, org.Name, access.Role.ToWire(), org.CreatedAt, org.RequireMfa);
    }
}
