using System.Globalization;
using Jikimi.Application.Common;
using Jikimi.Application.Risk;
using Jikimi.Catalog.Model;
using Jikimi.Reports.Readiness;

namespace Jikimi.Reports.Risk;

/// <summary>
/// The readiness report's risk summary (ISMS-P 1.2.3–1.2.4): the newest yearly risk assessment's acceptable level and
/// its approval, the heat map as a likelihood × impact table, and the risks above the acceptable level with their
/// treatment. Absent while the organization has no risk assessment.
/// </summary>
public sealed class RiskReportSection(ListRiskAssessments assessments, GetHeatMap heatMap, ListRisks risks) : IReadinessReportSection
{
    public int Order => 200;

    public async Task<ReportSection?> BuildAsync(OrgAccess access, Guid assessmentId, Language lang, CancellationToken ct)
    {
        var newest = (await assessments.Handle(access, ct)).OrderByDescending(a => a.Year).FirstOrDefault();
        if (newest is null)
        {
            return null;
        }

        string L(string ko, string en) => lang == Language.En ? en : ko;
        var map = await heatMap.Handle(access, newest.Id, ct);
        var above = await risks.Handle(access, newest.Id, new RiskFilter(AboveDoa: true, PageSize: 50), ct);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var r in above.Value?.Items ?? [])
        {
            rows.Add([
                r.AssetCode + " " + r.AssetName,
                (lang == Language.En ? r.ThreatNameEn : r.ThreatNameKo) + (r.ControlId is null ? string.Empty : $" ({r.ControlId})"),
                r.Score.ToString(CultureInfo.InvariantCulture),
                Strategy(r.Strategy, L),
                Status(r.Status, L) + (r.AcceptedBy is null ? string.Empty : $" · {r.AcceptedBy}"),
            ]);
        }

        var grid = map.Value is { } m
            ? string.Join(" / ", Enumerable.Range(1, m.Impacts).Reverse().Select(i =>
                L("영향", "impact") + $" {i}: " + string.Join(" ", Enumerable.Range(1, m.Likelihoods).Select(l =>
                    m.Cells.FirstOrDefault(c => c.Impact == i && c.Likelihood == l) is { } c ? (c.Open + c.Treated + c.Accepted).ToString(CultureInfo.InvariantCulture) : "0"))))
            : string.Empty;
        var doa = newest.AcceptableLevel is { } level
            ? L($"수용 가능 위험 수준(DoA) {level}", $"acceptable level (DoA) {level}") + (newest.DoaApproved ? L($", {newest.DoaApprovedBy} 승인", $", approved by {newest.DoaApprovedBy}") : L(", 미승인", ", not approved"))
            : L("수용 가능 위험 수준 미정", "acceptable level not set");
        var note = $"{newest.Year}: " + L($"위험 {newest.Risks}건, DoA 초과 {newest.AboveDoa}건; ", $"{newest.Risks} risks, {newest.AboveDoa} above the DoA; ") + doa
                   + ". " + L("히트맵(행: 영향 높은 순, 열: 가능성 1→)", "Heat map (rows: impact high to low, columns: likelihood 1→)") + ": " + grid;
        return new ReportSection("risks", L("위험 요약", "Risk summary"),
            [L("자산", "Asset"), L("위협 (통제)", "Threat (control)"), L("위험도", "Score"), L("처리 방안", "Treatment"), L("상태", "Status")], rows, note);
    }

    private static string Status(string wire, Func<string, string, string> l) => wire switch
    {
        "planned" => l("계획됨", "Planned"),
        "treated" => l("처리됨", "Treated"),
        "accepted" => l("수용됨", "Accepted"),
        _ => l("미처리", "Open"),
    };

    private static string Strategy(string wire, Func<string, string, string> l) => wire switch
    {
        "reduce" => l("감소", "Reduce"),
        "transfer" => l("전가", "Transfer"),
        "avoid" => l("회피", "Avoid"),
        "accept" => l("수용", "Accept"),
        _ => l("미정", "Not decided"),
    };
}
