using Jikimi.Application.Assessments;
using Jikimi.Application.Common;
using Jikimi.Application.Readiness;
using Jikimi.Catalog.Model;

namespace Jikimi.Reports.Readiness;

/// <summary>One bar of a readiness chart (a domain or sub-domain).</summary>
public sealed record ReadinessBar(string Id, string Title, double? Readiness, ResultCounts Counts);

/// <summary>A control with the largest gap: most not-fulfilled and partial check items.</summary>
public sealed record GapRow(string ControlId, string Title, string Result, ResultCounts Counts, double? Readiness);

public sealed record ExpiringEvidenceRow(string Title, DateOnly ExpiresOn, bool Expired);

/// <summary>
/// An optional section contributed by another area: overdue corrective actions (audit lifecycle) or the risk
/// summary (risk management). Absent when no <see cref="IReadinessReportSection"/> provides it.
/// </summary>
public sealed record ReportSection(string Key, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? Note = null);

/// <summary>
/// Extension point for the readiness report. The lifecycle branch adds "overdue corrective actions" and the risk
/// branch a "risk summary" by registering an implementation; null means "nothing to show" (no risks yet, say).
/// </summary>
public interface IReadinessReportSection
{
    /// <summary>Sort order among extra sections (corrective actions 100, risks 200).</summary>
    int Order { get; }

    Task<ReportSection?> BuildAsync(OrgAccess access, Guid assessmentId, Language lang, CancellationToken ct);
}

/// <summary>Everything the readiness report shows, already in one language.</summary>
public sealed record ReadinessReport(
    Language Lang,
    string Organization,
    string Assessment,
    int Year,
    string Criteria,
    DateOnly Date,
    ResultCounts Overall,
    double? Readiness,
    ControlStatusCounts Workflow,
    int OverdueControls,
    IReadOnlyList<ReadinessBar> Domains,
    IReadOnlyList<ReadinessBar> Subdomains,
    IReadOnlyList<GapRow> Gaps,
    IReadOnlyList<ExpiringEvidenceRow> ExpiringEvidence,
    IReadOnlyList<ReportSection> Sections);

/// <summary>The fixed texts of the report in both languages (one place for the HTML and the PDF).</summary>
internal static class ReportText
{
    public static string Title(Language l) => l == Language.Ko ? "인증 준비도 보고서" : "Certification readiness report";
    public static string Summary(Language l) => l == Language.Ko ? "요약" : "Summary";
    public static string ByDomain(Language l) => l == Language.Ko ? "분야별 준비도" : "Readiness by domain";
    public static string BySubdomain(Language l) => l == Language.Ko ? "세부분야별 준비도" : "Readiness by sub-domain";
    public static string Gaps(Language l) => l == Language.Ko ? "가장 큰 미흡 항목" : "Largest gaps";
    public static string Expiring(Language l) => l == Language.Ko ? "30일 안에 만료되는 증적" : "Evidence expiring within 30 days";
    public static string None(Language l) => l == Language.Ko ? "해당 없음" : "None";
    public static string Overall(Language l) => l == Language.Ko ? "전체 준비도" : "Overall readiness";
    public static string Generated(Language l) => l == Language.Ko ? "작성일" : "Date";

    public static IReadOnlyList<(string Label, string Value)> SummaryLines(ReadinessReport r)
    {
        var l = r.Lang;
        var ko = l == Language.Ko;
        return
        [
            (Overall(l), Percent(r.Readiness)),
            (ko ? "충족" : "Fulfilled", N(r.Overall.Fulfilled)),
            (ko ? "부분 충족" : "Partially fulfilled", N(r.Overall.Partial)),
            (ko ? "미충족" : "Not fulfilled", N(r.Overall.NotFulfilled)),
            (ko ? "해당 없음" : "Not applicable", N(r.Overall.NotApplicable)),
            (ko ? "미평가" : "Not yet assessed", N(r.Overall.Unassessed)),
            (ko ? "통제 진행 (할 일 / 진행 중 / 검토 중 / 완료)" : "Controls (to do / in progress / in review / done)", $"{r.Workflow.ToDo} / {r.Workflow.InProgress} / {r.Workflow.InReview} / {r.Workflow.Done}"),
            (ko ? "기한이 지난 통제" : "Controls past their due date", N(r.OverdueControls)),
            (ko ? "30일 안에 만료되는 증적" : "Evidence expiring within 30 days", N(r.ExpiringEvidence.Count)),
        ];
    }

    public static IReadOnlyList<string> GapColumns(Language l) => l == Language.Ko
        ? ["항목번호", "통제항목", "결과", "미충족", "부분", "미평가", "준비도"]
        : ["Control", "Title", "Result", "Not fulfilled", "Partial", "Unassessed", "Readiness"];

    public static IReadOnlyList<string> GapCells(GapRow g, Language l) =>
        [g.ControlId, g.Title, ResultText(g.Result, l), N(g.Counts.NotFulfilled), N(g.Counts.Partial), N(g.Counts.Unassessed), Percent(g.Readiness)];

    public static IReadOnlyList<string> ExpiringColumns(Language l) => l == Language.Ko ? ["증적", "만료일", "상태"] : ["Evidence", "Expires on", "State"];

    public static IReadOnlyList<string> ExpiringCells(ExpiringEvidenceRow e, Language l) =>
        [e.Title, e.ExpiresOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.Expired ? (l == Language.Ko ? "만료됨" : "expired") : (l == Language.Ko ? "만료 예정" : "expiring")];

    public static string ResultText(string wire, Language l) => (wire, l) switch
    {
        ("fulfilled", Language.Ko) => "충족",
        ("partial", Language.Ko) => "부분 충족",
        ("not-fulfilled", Language.Ko) => "미충족",
        ("not-applicable", Language.Ko) => "해당 없음",
        (_, Language.Ko) => "미평가",
        _ => wire,
    };

    public static string Percent(double? p) => p is { } v ? v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "–";

    private static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
