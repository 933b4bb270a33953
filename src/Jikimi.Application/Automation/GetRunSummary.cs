using System.Globalization;
using System.Net;
using System.Text;
using Jikimi.Application.Common;
using Jikimi.Domain.Common;

namespace Jikimi.Application.Automation;

/// <summary>
/// A run as a one-page HTML summary in Korean and English (counts, inputs with SHA-256, failing and erroring results
/// with their controls), for people and auditors; the evidence version keeps the full JSON.
/// </summary>
public sealed class GetRunSummary(GetAutomatedRun get)
{
    public async Task<Result<string>> Handle(OrgAccess access, Guid assessmentId, Guid runId, CancellationToken ct)
    {
        var r = await get.Handle(access, assessmentId, runId, null, null, null, ct);
        return r.Error is { } e ? e : Render(r.Value!);
    }

    public static string Render(AutomatedRunDetail d)
    {
        static string H(string? s) => WebUtility.HtmlEncode(s ?? string.Empty);
        var run = d.Run;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>자동 점검 결과 / Automated results</title>");
        sb.Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}.fail{color:#b00}</style></head><body>");
        sb.Append(CultureInfo.InvariantCulture, $"<h1>자동 점검 결과 / Automated results: {H(run.Source)} · {H(run.Label)}</h1>");
        sb.Append("<table>");
        sb.Append(CultureInfo.InvariantCulture, $"<tr><th>실행 일시 / Ran at (UTC)</th><td>{run.RanAt:yyyy-MM-dd HH:mm:ss}</td></tr>");
        sb.Append(CultureInfo.InvariantCulture, $"<tr><th>기록 / Recorded</th><td>{run.RecordedAt:yyyy-MM-dd HH:mm:ss} · {H(run.RecordedBy)}</td></tr>");
        sb.Append(CultureInfo.InvariantCulture, $"<tr><th>규칙 세트 / Rule set</th><td>{H(run.RuleSetVersion)}</td></tr>");
        sb.Append(CultureInfo.InvariantCulture, $"<tr><th>지문 / Fingerprint (SHA-256)</th><td><code>{H(run.Fingerprint)}</code></td></tr>");
        sb.Append(CultureInfo.InvariantCulture, $"<tr><th>결과 / Results</th><td>통과 pass {run.Counts.Pass} · 실패 fail {run.Counts.Fail} · 오류 error {run.Counts.Error} · 해당 없음 n/a {run.Counts.NotApplicable} · 수동 manual {run.Counts.Manual}</td></tr>");
        sb.Append("</table><h2>입력 파일 / Inputs</h2><ul>");
        foreach (var i in run.Inputs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<li>{H(i.Name)} <code>{H(i.Sha256)}</code></li>");
        }

        sb.Append("</ul><h2>실패·오류 / Failing and erroring</h2><table><tr><th>규칙 / Rule</th><th>심각도 / Severity</th><th>자원 / Resource</th><th>상태 / Status</th><th>통제 / Controls</th><th>내용 / Detail</th></tr>");
        foreach (var x in d.Results.Where(x => x.Status is "fail" or "error"))
        {
            var controls = string.Join(", ", x.Controls.Select(c => c.CheckItems.Count == 0 ? c.ControlId : $"{c.ControlId} ({string.Join(",", c.CheckItems)})"));
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{H(x.RuleId)}<br>{H(x.TitleKo)}<br>{H(x.TitleEn)}</td><td>{H(x.Severity)}</td><td>{H(x.ResourceType)}<br>{H(x.ResourceId)}</td><td class=\"fail\">{H(x.Status)}</td><td>{H(controls)}</td><td>{H(x.Detail)}</td></tr>");
        }

        sb.Append("</table>");
        if (d.Truncated)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>{d.Results.Count:N0} / {d.TotalResults:N0} 건만 표시 / shown.</p>");
        }

        sb.Append("</body></html>");
        return sb.ToString();
    }
}
