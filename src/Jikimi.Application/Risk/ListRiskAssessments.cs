using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Risk;

/// <summary>Every year's risk assessment, newest first, with its method as recorded and its counts.</summary>
public sealed class ListRiskAssessments(JikimiDb db)
{
    public Task<IReadOnlyList<RiskAssessmentView>> Handle(OrgAccess access, CancellationToken ct) => Query(null, ct);

    internal async Task<IReadOnlyList<RiskAssessmentView>> Query(Guid? id, CancellationToken ct)
    {
        var list = await db.Set<RiskAssessment>().AsNoTracking().Where(r => id == null || r.Id == id).OrderByDescending(r => r.Year).ToListAsync(ct);
        var ids = list.Select(r => r.Id).ToList();
        var scores = await db.Set<AssessedRisk>().AsNoTracking().Where(r => ids.Contains(r.RiskAssessmentId))
            .Select(r => new { r.RiskAssessmentId, r.Score }).ToListAsync(ct);
        return list.Select(ra =>
        {
            var mine = scores.Where(s => s.RiskAssessmentId == ra.Id).ToList();
            return RiskAssessmentView.Of(ra, mine.Count, mine.Count(s => ra.AcceptableLevel is { } doa && s.Score > doa));
        }).ToList();
    }
}
