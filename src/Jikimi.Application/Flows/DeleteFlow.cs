using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Flows;

public sealed class DeleteFlow(JikimiDb db, AuditWriter audit)
{
    public async Task<Result> Handle(OrgAccess access, Guid id, CancellationToken ct)
    {
        var flow = await db.Set<PersonalInfoFlow>().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (flow is null)
        {
            return new NotFound("pi_flow", id.ToString());
        }

        if (access.Require(Permissions.CanManageWorkspace, "edit personal-information flows").Error is { } denied)
        {
            return denied;
        }

        db.Remove(flow);
        audit.Record(access, AuditActions.FlowRemoved, "pi_flow", flow.Id, new { flow.Service, stage = flow.Stage.ToWire() });
        return await audit.SaveAsync(ct, "flow");
    }
}
