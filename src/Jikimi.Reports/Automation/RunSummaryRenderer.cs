using System.Globalization;
using System.Text;
using Jikimi.Application.Automation;
using Jikimi.Reports.Pdf;
using static Jikimi.Reports.Common.HtmlDoc;

namespace Jikimi.Reports.Automation;

/// <summary>
/// A run's summary as a self-contained HTML page and an A4 PDF with the embedded Hangul font (ADR 0042): the run,
/// its counts, the controls it evidences and its failing results. Korean first, English beside it, in one file each.
/// </summary>
public sealed class RunSummaryRenderer : IRunSummaryRenderer
{
    private static readonly string[] Columns = ["규칙 / Rule", "제목 / Title", "위험도 / Severity", "대상 / Resource", "통제 / Controls", "내용 / Detail"];

    public IReadOnlyList<AutomatedEvidenceFile> Render(RunSummary s)
    {
        var stem = $"{s.Source}-{s.RanAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-summary";
        var description = $"자동 점검 요약: 통과 {s.Counts.Pass} · 실패 {s.Counts.Fail} · 오류 {s.Counts.Error} / Automated results summary: {s.Counts.Pass} passed, {s.Counts.Fail} failed, {s.Counts.Error} errors.";
        return
        [
            new(Encoding.UTF8.GetBytes(Html(s)), stem + ".html", ItemTitle(s, "HTML"), description),
            new(Pdf(s), stem + ".pdf", ItemTitle(s, "PDF"), description),
        ];
    }

    /// <summary>One evidence item per source, label and format: each run adds a version.</summary>
    internal static string ItemTitle(RunSummary s, string format)
    {
        var title = $"자동 점검 요약 / Automated results summary {format} ({s.Source} {s.Label})";
        return title.Length > 300 ? title[..299] + "…" : title;
    }

    internal static string Heading(RunSummary s) => $"자동 점검 요약 / Automated results summary — {s.Source} {s.Label}";

    internal static IReadOnlyList<(string Label, string Value)> Facts(RunSummary s) =>
    [
        ("출처 / Source", s.Source),
        ("대상 / Label", s.Label),
        ("규칙 세트 / Rule set", s.RuleSetVersion),
        ("실행 시각 / Ran at (UTC)", s.RanAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
        ("입력 파일 / Inputs", s.Inputs.Count == 0 ? "-" : string.Join(", ", s.Inputs.Select(i => $"{i.Name} (SHA-256 {Short(i.Sha256)})"))),
        ("결과 / Results", $"통과 {s.Counts.Pass} · 실패 {s.Counts.Fail} · 오류 {s.Counts.Error} · 해당 없음 {s.Counts.NotApplicable} · 수동 {s.Counts.Manual} / pass {s.Counts.Pass}, fail {s.Counts.Fail}, error {s.Counts.Error}, n/a {s.Counts.NotApplicable}, manual {s.Counts.Manual} (total {s.Counts.Total})"),
        ("증적 대상 통제 / Controls evidenced", s.Controls.Count == 0 ? "-" : string.Join(", ", s.Controls)),
    ];

    internal static string FailingNote(RunSummary s) => s.FailingTotal > s.Failing.Count
        ? $"실패 {s.FailingTotal}건 중 위험도 순 {s.Failing.Count}건, 전체는 JSON 증적에 있습니다. / {s.Failing.Count} of {s.FailingTotal} failures, severest first; the JSON evidence holds all."
        : $"실패 {s.FailingTotal}건 / {s.FailingTotal} failures.";

    internal static IReadOnlyList<IReadOnlyList<string>> Rows(RunSummary s) =>
        s.Failing.Select(r => (IReadOnlyList<string>)[r.RuleId, r.Title, r.Severity, r.Resource, r.Controls, r.Detail]).ToList();

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;

    private static string Html(RunSummary s)
    {
        var sb = new StringBuilder();
        Head(sb, Catalog.Model.Language.Ko, Heading(s));
        sb.Append("<h1>").Append(E(Heading(s))).Append("</h1>\n");
        sb.Append("<p class=\"meta\">").Append(E("자동 점검 결과는 제안일 뿐이며, 점검 항목의 결과는 담당자가 기록합니다. / Automated results only suggest; people record check-item results.")).Append("</p>\n");
        Fields(sb, Facts(s));
        Table(sb, "실패한 결과 / Failing results", Columns, Rows(s), Catalog.Model.Language.Ko, FailingNote(s));
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static byte[] Pdf(RunSummary s)
    {
        using var pdf = new PdfPages(Heading(s));
        pdf.Heading(Heading(s), pdf.H2);
        pdf.Gap(pdf.Paragraph("자동 점검 결과는 제안일 뿐이며, 점검 항목의 결과는 담당자가 기록합니다. / Automated results only suggest; people record check-item results.", pdf.Small, PdfPages.Margin, pdf.Width) + 4);
        pdf.Table(["항목 / Field", "값 / Value"], [1, 3], Facts(s).Select(f => (IReadOnlyList<string>)[f.Label, f.Value]).ToList());
        pdf.Heading("실패한 결과 / Failing results", pdf.H2);
        pdf.Gap(pdf.Paragraph(FailingNote(s), pdf.Body, PdfPages.Margin, pdf.Width) + 4);
        if (s.Failing.Count > 0)
        {
            pdf.Table(Columns, [1.3, 1.6, 0.8, 1.6, 1, 2], Rows(s));
        }

        return pdf.Save();
    }
}
