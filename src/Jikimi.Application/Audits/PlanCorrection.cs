using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Audits;

public sealed record CorrectionPlanRequest(string? RootCause, string? Action, string? Owner, DateOnly? DueOn);

/// <summary>The organization's corrective-action plan (root cause, action, owner, due date) — not the auditor's.</summary>
public sealed class PlanCorrection(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<FindingView>> Handle(OrgAccess access, Guid findingId, CorrectionPlanRequest req, CancellationToken ct)
    {
        var found = await AuditScope.FindFindingAsync(db, access, findingId, ct);
        if (found.Error is { } nf)
        {
            return nf;
        }

        if (access.Require(Permissions.CanEditControls, "plan corrective actions").Error is { } denied)
        {
            return denied;
        }

        var f = found.Value!;
        if (f.SubmitPlan(req.RootCause, req.Action, req.Owner, req.DueOn, AuditScope.Today(clock)).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.FindingPlanSubmitted, "finding", f.Id, new { f.Owner, f.PlanDueOn });
        var saved = await audit.SaveAsync(ct, "finding");
        return saved.Error is { } se ? se : AuditWire.View(f, AuditScope.Today(clock));
    }
}
