using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.SubjectRequests;

/// <summary>Logs a data subject's request; its answer deadline comes from the rule in force on the day it arrived.</summary>
public sealed class LogSubjectRequest(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<SubjectRequestView>> Handle(OrgAccess access, LogSubjectRequestRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "log data subjects' requests").Error is { } denied)
        {
            return denied;
        }

        if (!SubjectRequestKinds.TryParse(req.Kind, out SubjectRequestKind kind))
        {
            return new Invalid("kind", "kind must be access, correction-deletion, suspension or consent-withdrawal.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var number = (await db.Set<SubjectRequest>().MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        var created = SubjectRequest.Create(access.OrganizationId, number, kind, req.ReceivedOn ?? today, req.Channel, req.Reference, req.Summary, SubjectRequestRules.Embedded, today, access.Actor.UserId, now);
        if (created.Error is { } e)
        {
            return e;
        }

        var r = created.Value!;
        db.Add(r);

        // No reference or summary in the trail: they may describe the person.
        audit.Record(access, AuditActions.SubjectRequestLogged, "subject_request", r.Id, new { r.Number, kind = r.Kind.ToWire(), r.ReceivedOn, r.DueOn, rule = r.RuleSetId });
        var saved = await audit.SaveAsync(ct, "subject request");
        return saved.Error is { } se ? se : SubjectRequestView.Of(r, today);
    }
}
