using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Risk;

/// <summary>One cell: risks at this likelihood and impact still to deal with (open), treated, and accepted.</summary>
public sealed record HeatMapCell(int Likelihood, int Impact, int Open, int Treated, int Accepted, int AboveDoa);

/// <summary>likelihood 1…Likelihoods (x), impact = asset value 1…Impacts (y).</summary>
public sealed record HeatMapView(Guid RiskAssessmentId, int Year, int Likelihoods, int Impacts, int? AcceptableLevel, int VulnerabilityScale, IReadOnlyList<HeatMapCell> Cells);

/// <summary>The risk heat map (likelihood × impact) of one year; every cell is present, empty ones with zeros.</summary>
public sealed class GetHeatMap(JikimiDb db)
{
    public async Task<Result<HeatMapView>> Handle(OrgAccess access, Guid riskAssessmentId, CancellationToken ct)
    {
        var ra = await db.Set<RiskAssessment>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == riskAssessmentId, ct);
        if (ra is null)
        {
            return new NotFound("risk_assessment", riskAssessmentId.ToString());
        }

        var doa = ra.AcceptableLevel ?? int.MaxValue;
        var groups = await db.Set<AssessedRisk>().AsNoTracking().Where(r => r.RiskAssessmentId == riskAssessmentId)
            .GroupBy(r => new { r.Likelihood, r.AssetValue })
            .Select(g => new
            {
                g.Key.Likelihood,
                g.Key.AssetValue,
                Accepted = g.Count(r => r.AcceptedAt != null),
                Treated = g.Count(r => r.AcceptedAt == null && r.CompletedAt != null),
                Open = g.Count(r => r.AcceptedAt == null && r.CompletedAt == null),
                Above = g.Count(r => r.Score > doa),
            })
            .ToListAsync(ct);
        var method = ra.Method;
        var cells = new List<HeatMapCell>();
        for (var impact = 1; impact <= method.Grades; impact++)
        {
            for (var l = 1; l <= method.ThreatScale; l++)
            {
                var g = groups.FirstOrDefault(x => x.Likelihood == l && x.AssetValue == impact);
                cells.Add(new HeatMapCell(l, impact, g?.Open ?? 0, g?.Treated ?? 0, g?.Accepted ?? 0, g?.Above ?? 0));
            }
        }

        return new HeatMapView(ra.Id, ra.Year, method.ThreatScale, method.Grades, ra.AcceptableLevel, method.VulnerabilityScale, cells);
    }
}
