using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Risk;

public sealed record TreatmentDueItem(
    Guid RiskId, Guid RiskAssessmentId, int Year, string AssetCode, string AssetName, string ThreatNameKo, string ThreatNameEn, int Score,
    string Strategy, Guid? OwnerUserId, string? OwnerName, DateOnly DueDate, bool Overdue);

/// <summary>
/// The treatment plan's due items for the workspace's dashboard (and, later, reminders): every risk with a due date
/// whose treatment is neither done nor accepted, soonest first; overdue = due before today (UTC).
/// </summary>
public sealed class ListTreatmentDueItems(JikimiDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<TreatmentDueItem>> Handle(OrgAccess access, Guid? owner, bool overdueOnly, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var q = db.Set<AssessedRisk>().AsNoTracking().Where(r => r.DueDate != null && r.CompletedAt == null && r.AcceptedAt == null);
        if (owner is { } o)
        {
            q = q.Where(r => r.TreatmentOwnerUserId == o);
        }

        if (overdueOnly)
        {
            q = q.Where(r => r.DueDate < today);
        }

        var rows = await q
            .Join(db.Set<RiskAssessment>(), r => r.RiskAssessmentId, a => a.Id, (r, a) => new { r, a.Year })
            .Join(db.Set<Asset>(), x => x.r.AssetId, a => a.Id, (x, a) => new { x.r, x.Year, a.Code, a.Name })
            .Join(db.Set<Threat>(), x => x.r.ThreatId, t => t.Id, (x, t) => new { x.r, x.Year, x.Code, x.Name, t.NameKo, t.NameEn })
            .OrderBy(x => x.r.DueDate).ThenByDescending(x => x.r.Score)
            .Take(1000)
            .ToListAsync(ct);
        var people = await OrgPeople.LoadAsync(db, ct);
        return rows.Select(x => new TreatmentDueItem(
            x.r.Id, x.r.RiskAssessmentId, x.Year, x.Code, x.Name, x.NameKo, x.NameEn, x.r.Score, x.r.Strategy.ToWire(),
            x.r.TreatmentOwnerUserId, people.NameOf(x.r.TreatmentOwnerUserId), x.r.DueDate!.Value, x.r.DueDate < today)).ToList();
    }
}
