using Jikimi.Application.Data;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Risk;

/// <summary>Turns risks into views with their asset, threat and owner names (one query per kind, never per row).</summary>
internal static class RiskRows
{
    public static async Task<List<RiskView>> ViewsAsync(JikimiDb db, IReadOnlyList<AssessedRisk> risks, int? doa, CancellationToken ct)
    {
        var assetIds = risks.Select(r => r.AssetId).Distinct().ToList();
        var threatIds = risks.Select(r => r.ThreatId).Distinct().ToList();
        var assets = await db.Set<Asset>().AsNoTracking().Where(a => assetIds.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.Name }).ToDictionaryAsync(a => a.Id, ct);
        var threats = await db.Set<Threat>().AsNoTracking().Where(t => threatIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var people = await OrgPeople.LoadAsync(db, ct);
        return risks.Select(r =>
        {
            var a = assets.GetValueOrDefault(r.AssetId);
            var t = threats.GetValueOrDefault(r.ThreatId);
            return new RiskView(
                r.Id, r.RiskAssessmentId, r.AssetId, a?.Code ?? string.Empty, a?.Name ?? string.Empty, r.ThreatId, t?.Code ?? string.Empty, t?.NameKo ?? string.Empty, t?.NameEn ?? string.Empty,
                r.Vulnerability, r.CheckItemId, r.ControlId, r.AssetValue, r.ThreatLevel, r.VulnerabilityLevel, r.Score, r.Likelihood,
                r.AboveDoa(doa), r.Strategy.ToWire(), r.Plan, r.TreatmentOwnerUserId, people.NameOf(r.TreatmentOwnerUserId), r.DueDate, SplitControls(r.LinkedControls),
                r.ResidualScore, r.Status, r.AcceptedByName, r.AcceptedAt, r.Version);
        }).ToList();
    }

    public static IReadOnlyList<string> SplitControls(string? text) =>
        text is null ? [] : text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
