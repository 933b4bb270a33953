using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Policies;

/// <summary>
/// A member states they have read the version in force (staff acknowledgement). Every member may, except auditors,
/// who are outside the organization; an API token acts for no person, so it may not.
/// </summary>
public sealed class AcknowledgePolicy(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<PolicyAcknowledgementView>> Handle(OrgAccess access, Guid id, CancellationToken ct)
    {
        var p = await db.Set<Policy>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return new NotFound("policy", id.ToString());
        }

        if (access.Role == Role.Auditor || access.Actor.ApiTokenId is not null)
        {
            return new Forbidden("acknowledge policies (members only, in person)");
        }

        if (p.CurrentVersion is not { } number)
        {
            return new PolicyNotApproved(p.Code);
        }

        var v = await db.Set<PolicyVersion>().AsNoTracking().FirstAsync(x => x.PolicyId == p.Id && x.Number == number, ct);
        if (await db.Set<PolicyAcknowledgement>().AnyAsync(a => a.PolicyVersionId == v.Id && a.UserId == access.Actor.UserId, ct))
        {
            return new PolicyAlreadyAcknowledged(number);
        }

        var ack = PolicyAcknowledgement.Create(v, access.Actor.UserId, clock.GetUtcNow().UtcDateTime);
        db.Add(ack);
        audit.Record(access, AuditActions.PolicyAcknowledged, "policy", p.Id, new { p.Code, version = number });
        var saved = await audit.SaveAsync(ct, "acknowledgement");
        return saved.Error is { } se ? se : new PolicyAcknowledgementView(access.Actor.UserId, access.Actor.Name, number, ack.AcknowledgedAt);
    }
}
