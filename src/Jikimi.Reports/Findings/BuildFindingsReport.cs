using System.Globalization;
using Jikimi.Application.Audits;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Common;
using Jikimi.Reports.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Reports.Findings;

/// <summary>
/// The findings report (결함보고서) of one audit, as HTML or PDF: header (organization, audit kind, body, team, period,
/// date), counts by state and severity, then one block per finding with its corrective action. Whoever may read the
/// audit may have it; an auditor only for an audit assigned to them (otherwise "not found", like the audit itself).
/// </summary>
public sealed class BuildFindingsReport(JikimiDb db, GetAudit audits, ListFindings findings, TimeProvider clock)
{
    public async Task<Result<ReportFile>> Handle(OrgAccess access, Guid auditId, Language lang, ReportFormat format, CancellationToken ct)
    {
        if (format == ReportFormat.Xlsx)
        {
            return new Invalid("format", "The findings report is made as html or pdf.");
        }

        var model = await BuildAsync(access, auditId, lang, ct);
        if (model.Error is { } e)
        {
            return e;
        }

        var r = model.Value!;
        var name = $"{lang.T("결함보고서", "findings-report")}-{r.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
        return format == ReportFormat.Pdf
            ? new ReportFile(FindingsPdf.Render(r), ReportFile.Pdf, name + ".pdf")
            : new ReportFile(System.Text.Encoding.UTF8.GetBytes(FindingsHtml.Render(r)), ReportFile.Html, name + ".html");
    }

    public async Task<Result<FindingsReport>> BuildAsync(OrgAccess access, Guid auditId, Language lang, CancellationToken ct)
    {
        var audit = await audits.Handle(access, auditId, ct);
        if (audit.Error is { } nf)
        {
            return nf;
        }

        var list = await findings.Handle(access, new FindingFilter(auditId, false, null), ct);
        if (list.Error is { } e)
        {
            return e;
        }

        var a = audit.Value!;
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == access.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var scope = await db.Scopes.AsNoTracking().FirstOrDefaultAsync(ct);
        var edition = CriteriaCatalog.Embedded[EditionId.TryParse(scope?.Edition, out var ed) ? ed : EditionId.IsmsP2023];
        var rows = list.Value!
            .OrderBy(f => f.Number)
            .Select(f => new FindingRow(f, edition.Find(f.ControlId)?.Title[lang] ?? string.Empty))
            .ToList();
        return new FindingsReport(lang, org, a, edition.Name[lang], DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), rows);
    }
}

/// <summary>A finding with its control's title in the report's language.</summary>
public sealed record FindingRow(FindingView Finding, string ControlTitle);

/// <summary>Everything the findings report shows.</summary>
public sealed record FindingsReport(Language Lang, string Organization, AuditView Audit, string Criteria, DateOnly Date, IReadOnlyList<FindingRow> Findings);

/// <summary>The texts of the findings report in both languages (one place for the HTML and the PDF).</summary>
internal static class FindingsText
{
    private static readonly string[] States = ["open", "plan-submitted", "fixed", "recorrection", "closed"];
    private static readonly string[] Severities = ["high", "medium", "low"];

    public static string Title(Language l) => l.T("결함보고서", "Findings report");

    public static string Summary(Language l) => l.T("결함 현황", "Summary");

    public static string None(Language l) => l.T("기록된 결함이 없습니다.", "No findings were recorded.");

    public static string Block(FindingRow r, Language l) => l.T($"결함 {r.Finding.Number}", $"Finding {r.Finding.Number}") + $" — {r.Finding.ControlId} {r.ControlTitle}".TrimEnd();

    public static IReadOnlyList<string> TwoColumns(Language l) => [l.T("항목", "Item"), l.T("내용", "Value")];

    public static IReadOnlyList<(string Label, string Value)> Header(FindingsReport r)
    {
        var l = r.Lang;
        var a = r.Audit;
        var period = a.PeriodStart is null && a.PeriodEnd is null ? "–" : $"{D(a.PeriodStart)} ~ {D(a.PeriodEnd)}";
        return
        [
            (l.T("신청기관", "Organization"), r.Organization),
            (l.T("인증기준", "Criteria"), r.Criteria),
            (l.T("심사 구분", "Audit kind"), Kind(a.Kind, l)),
            (l.T("인증기관", "Certification body"), a.Body ?? "–"),
            (l.T("심사팀", "Audit team"), a.Team ?? "–"),
            (l.T("심사 기간", "Audit period"), period),
            (l.T("작성일", "Date"), D(r.Date)),
        ];
    }

    public static IReadOnlyList<IReadOnlyList<string>> Counts(FindingsReport r)
    {
        var l = r.Lang;
        var fs = r.Findings.Select(x => x.Finding).ToList();
        var rows = new List<IReadOnlyList<string>> { new[] { l.T("전체", "All"), N(fs.Count) } };
        rows.AddRange(States.Select(s => (IReadOnlyList<string>)[l.T("상태: ", "State: ") + State(s, l), N(fs.Count(f => f.Status == s))]));
        rows.AddRange(Severities.Select(s => (IReadOnlyList<string>)[l.T("중요도: ", "Severity: ") + Severity(s, l), N(fs.Count(f => f.Severity == s))]));
        rows.Add([l.T("조치 기한 경과", "Past the correction due date"), N(fs.Count(f => f.Overdue))]);
        return rows;
    }

    public static IReadOnlyList<string> CountColumns(Language l) => [l.T("구분", "Category"), l.T("건수", "Count")];

    public static IReadOnlyList<(string Label, string Value)> Fields(FindingRow row, Language l)
    {
        var f = row.Finding;
        var due = D(f.DueOn) + (f.RecorrectionDueOn is { } re ? l.T($" (재조치 기한 {D(re)})", $" (re-correction due {D(re)})") : string.Empty)
                  + (f.Overdue ? l.T(" — 기한 경과", " — overdue") : string.Empty);
        return
        [
            (l.T("결함 번호", "Number"), N(f.Number)),
            (l.T("통제항목", "Control"), $"{f.ControlId} {row.ControlTitle}".TrimEnd()),
            (l.T("점검항목", "Check item"), f.CheckItemId ?? "–"),
            (l.T("결함 내용", "Description"), f.Description),
            (l.T("관련 증적", "Evidence"), f.EvidenceRefs ?? "–"),
            (l.T("중요도", "Severity"), Severity(f.Severity, l)),
            (l.T("통보일", "Notice date"), D(f.NoticeOn)),
            (l.T("조치 기한", "Correction due"), due),
            (l.T("상태", "State"), State(f.Status, l)),
            (l.T("원인", "Root cause"), f.RootCause ?? "–"),
            (l.T("조치 내용", "Corrective action"), f.Action ?? "–"),
            (l.T("조치 담당자", "Owner"), f.Owner ?? "–"),
            (l.T("조치 예정일", "Planned date"), D(f.PlanDueOn)),
            (l.T("조치 증적", "Fix evidence"), f.FixEvidence ?? "–"),
            (l.T("확인 의견", "Verification note"), f.VerificationNote ?? "–"),
            (l.T("종결일", "Closed on"), D(f.ClosedOn)),
        ];
    }

    public static string Kind(string wire, Language l) => wire switch
    {
        "initial" => l.T("최초심사", "Initial audit"),
        "surveillance" => l.T("사후심사", "Surveillance audit"),
        _ => l.T("갱신심사", "Renewal audit"),
    };

    public static string State(string wire, Language l) => wire switch
    {
        "open" => l.T("조치계획 미제출", "Open (plan owed)"),
        "plan-submitted" => l.T("조치계획 제출", "Plan submitted"),
        "fixed" => l.T("조치 완료(확인 대기)", "Fixed (awaiting verification)"),
        "recorrection" => l.T("재조치 요구", "Re-correction required"),
        _ => l.T("종결", "Closed"),
    };

    public static string Severity(string wire, Language l) => wire switch
    {
        "low" => l.T("낮음", "Low"),
        "medium" => l.T("보통", "Medium"),
        _ => l.T("높음", "High"),
    };

    public static string D(DateOnly? d) => d is { } v ? v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "–";

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
