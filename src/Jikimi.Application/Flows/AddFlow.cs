using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;

namespace Jikimi.Application.Flows;

/// <summary>Adds a row to a service's personal-information lifecycle table (1.2.2).</summary>
public sealed class AddFlow(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<FlowRowView>> Handle(OrgAccess access, FlowRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "edit personal-information flows").Error is { } denied)
        {
            return denied;
        }

        var data = FlowMapping.Data(req);
        var created = data.Error is { } de ? de : PersonalInfoFlow.Create(access.OrganizationId, data.Value!, clock.GetUtcNow().UtcDateTime);
        if (created.Error is { } e)
        {
            return e;
        }

        var flow = created.Value!;
        db.Add(flow);
        audit.Record(access, AuditActions.FlowAdded, "pi_flow", flow.Id, new { flow.Service, stage = flow.Stage.ToWire() });
        var saved = await audit.SaveAsync(ct, "flow");
        return saved.Error is { } se ? se : FlowRowView.Of(flow);
    }
}
