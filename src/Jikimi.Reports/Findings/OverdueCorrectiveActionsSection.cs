using Jikimi.Application.Audits;
using Jikimi.Application.Common;
using Jikimi.Catalog.Model;
using Jikimi.Reports.Common;
using Jikimi.Reports.Readiness;

namespace Jikimi.Reports.Findings;

/// <summary>
/// The readiness report's "overdue corrective actions" (조치 기한이 지난 결함): findings not closed whose current due
/// date (the re-correction date once one was set) has passed, across the audits the reader may see. Absent when none.
/// </summary>
public sealed class OverdueCorrectiveActionsSection(ListFindings findings, ListAudits audits) : IReadinessReportSection
{
    public int Order => 100;

    public async Task<ReportSection?> BuildAsync(OrgAccess access, Guid assessmentId, Language lang, CancellationToken ct)
    {
        var overdue = (await findings.Handle(access, new FindingFilter(null, OverdueOnly: true, null), ct)).Value ?? [];
        if (overdue.Count == 0)
        {
            return null;
        }

        var kinds = (await audits.Handle(access, ct)).ToDictionary(a => a.Id, a => a.Kind);
        var rows = overdue
            .OrderBy(f => f.CurrentDueOn).ThenBy(f => f.Number)
            .Select(f => (IReadOnlyList<string>)
            [
                kinds.TryGetValue(f.AuditId, out var k) ? FindingsText.Kind(k, lang) : "–",
                f.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                f.ControlId,
                FindingsText.D(f.CurrentDueOn),
                FindingsText.State(f.Status, lang),
                f.Owner ?? "–",
            ])
            .ToList();
        return new ReportSection(
            "overdue-corrective-actions",
            lang.T("조치 기한이 지난 결함", "Overdue corrective actions"),
            [lang.T("심사 구분", "Audit"), lang.T("번호", "No."), lang.T("통제항목", "Control"), lang.T("조치 기한", "Due"), lang.T("상태", "State"), lang.T("담당자", "Owner")],
            rows);
    }
}
