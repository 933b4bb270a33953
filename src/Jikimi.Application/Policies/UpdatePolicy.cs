using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Policies;

/// <summary>Changes a register entry's code, title, kind, owner, supported controls or review interval.</summary>
public sealed class UpdatePolicy(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<PolicyRowView>> Handle(OrgAccess access, Guid id, PolicyRequest req, CancellationToken ct)
    {
        var p = await db.Set<Policy>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return new NotFound("policy", id.ToString());
        }

        if (access.Require(Permissions.CanManageWorkspace, "edit the policy register").Error is { } denied)
        {
            return denied;
        }

        var data = PolicyMapping.Data(req);
        if (data.Error is { } de)
        {
            return de;
        }

        var code = data.Value!.Code?.Trim();
        if (code != p.Code && await db.Set<Policy>().AnyAsync(x => x.Code == code && x.Id != id, ct))
        {
            return new PolicyCodeTaken(code ?? string.Empty);
        }

        if (p.Describe(data.Value).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.PolicyUpdated, "policy", p.Id, new { p.Code, kind = p.Kind.ToWire(), controls = p.Controls, p.ReviewIntervalMonths });
        var saved = await audit.SaveAsync(ct, "policy");
        return saved.Error is { } se ? se : PolicyRowView.Of(p, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
