using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Flows;

public sealed class UpdateFlow(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<FlowRowView>> Handle(OrgAccess access, Guid id, FlowRequest req, CancellationToken ct)
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

        var data = FlowMapping.Data(req);
        var updated = data.Error is { } de ? de : flow.Update(data.Value!, clock.GetUtcNow().UtcDateTime);
        if (updated.Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.FlowUpdated, "pi_flow", flow.Id, new { flow.Service, stage = flow.Stage.ToWire() });
        var saved = await audit.SaveAsync(ct, "flow");
        return saved.Error is { } se ? se : FlowRowView.Of(flow);
    }
}
