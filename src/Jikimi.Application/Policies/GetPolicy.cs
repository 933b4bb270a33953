using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Policies;

/// <summary>One document: its versions, the acknowledgements of the version in force and the members still to acknowledge it.</summary>
public sealed class GetPolicy(JikimiDb db, TimeProvider clock)
{
    public async Task<Result<PolicyView>> Handle(OrgAccess access, Guid id, CancellationToken ct)
    {
        var p = await db.Set<Policy>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return new NotFound("policy", id.ToString());
        }

        var versions = await db.Set<PolicyVersion>().AsNoTracking().Where(v => v.PolicyId == id).OrderByDescending(v => v.Number).ToListAsync(ct);
        var acks = await db.Set<PolicyAcknowledgement>().AsNoTracking().Where(a => a.PolicyId == id)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a.UserId, u.DisplayName, a.VersionNumber, a.AcknowledgedAt })
            .ToListAsync(ct);
        var counts = acks.GroupBy(a => a.VersionNumber).ToDictionary(g => g.Key, g => g.Count());
        var current = acks.Where(a => a.VersionNumber == p.CurrentVersion).OrderBy(a => a.AcknowledgedAt)
            .Select(a => new PolicyAcknowledgementView(a.UserId, a.DisplayName, a.VersionNumber, a.AcknowledgedAt)).ToList();
        var staff = await db.Memberships.AsNoTracking().Where(m => m.Role != Role.Auditor)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName }).ToListAsync(ct);
        var missing = p.CurrentVersion is null ? [] : staff.Where(s => current.All(a => a.UserId != s.Id)).Select(s => s.DisplayName).Order(StringComparer.Ordinal).ToList();
        var view = versions.Select(v => new PolicyVersionView(v.Id, v.Number, v.ChangeNote, v.CreatedAt, v.ApprovedAt is not null, v.ApprovedAt, v.ApprovedByName, v.EffectiveDate, counts.GetValueOrDefault(v.Number))).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new PolicyView(PolicyRowView.Of(p, today), view, current, missing, current.Any(a => a.UserId == access.Actor.UserId));
    }
}
