using Jikimi.Application.Audits;
using Jikimi.Application.Common;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Reports.Common;
using Jikimi.Reports.Findings;
using Jikimi.Reports.Readiness;
using Jikimi.TestSupport.Data;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Reports.Tests.Reporting;

namespace Jikimi.Reports.Tests.Findings;

/// <summary>The findings report (결함보고서) of an audit and the readiness report's overdue corrective actions.</summary>
public class FindingsReportTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static CreateAuditRequest Initial() =>
        new("initial", null, null, new DateOnly(2025, 1, 1), null, null, "한국인터넷진흥원", "심사팀 A", null, null, null, null, null);

    private static async Task<(OrgAccess Admin, AuditView Audit, FindingView Finding, Guid AssessmentId)> AuditWithFindingAsync(AppHarness app, string description)
    {
        var (admin, assessment) = await OrgWithAssessmentAsync(app);
        var audit = Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<CreateAudit>().Handle(admin, Initial(), default)));
        var f = Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<RecordFinding>().Handle(admin, audit.Id, new RecordFindingRequest("2.5.4", "2.5.4-1", description, "관리자 계정 목록", "high", null), default)));
        f = Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<PlanCorrection>().Handle(admin, f.Id, new CorrectionPlanRequest("퇴직자 계정 회수 절차 누락", "계정 회수 절차 수립", "보안팀장", new DateOnly(2026, 12, 15)), default)));
        return (admin, audit, f, assessment.Id);
    }

    private static BuildReadinessReport Readiness(IServiceProvider sp) =>
        new(sp.GetRequiredService<Application.Data.JikimiDb>(), sp.GetRequiredService<Application.Readiness.GetReadiness>(), sp.GetRequiredService<TimeProvider>(),
            [ActivatorUtilities.CreateInstance<OverdueCorrectiveActionsSection>(sp)]);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Pdf_carries_the_korean_headings_the_control_title_the_finding_and_its_corrective_action(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, audit, _, _) = await AuditWithFindingAsync(app, "퇴직자 계정 미삭제");
        var file = Ok(await Use<BuildFindingsReport, Result<ReportFile>>(app, admin, h => h.Handle(admin, audit.Id, Language.Ko, ReportFormat.Pdf, default)));
        Assert.Equal(ReportFile.Pdf, file.ContentType);
        Assert.EndsWith(".pdf", file.FileName, StringComparison.Ordinal);
        var text = PdfText.Extract(file.Content);
        if (Environment.GetEnvironmentVariable("JIKIMI_KEEP_REPORTS") is { Length: > 0 } keep)
        {
            File.WriteAllBytes(Path.Combine(keep, $"findings-{provider}.pdf"), file.Content);
        }

        var title = Catalog.CriteriaCatalog.Embedded[EditionId.IsmsP2023].Find("2.5.4")!.Title.Ko;
        foreach (var expected in new[] { "결함보고서", "결함 현황", "최초심사", "한국인터넷진흥원", "심사팀 A", "결함 1", title, "2.5.4-1", "퇴직자 계정 미삭제", "관리자 계정 목록", "높음", "조치계획 제출", "퇴직자 계정 회수 절차 누락", "계정 회수 절차 수립", "보안팀장", "2026-12-15" })
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"'{expected}' missing from the PDF text:\n{text}");
        }
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Html_escapes_the_description_runs_no_script_and_an_unassigned_auditor_gets_not_found(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, audit, _, _) = await AuditWithFindingAsync(app, "<script>alert(1)</script> 접근권한 미검토");
        var file = Ok(await Use<BuildFindingsReport, Result<ReportFile>>(app, admin, h => h.Handle(admin, audit.Id, Language.En, ReportFormat.Html, default)));
        var html = System.Text.Encoding.UTF8.GetString(file.Content);
        Assert.Equal(ReportFile.Html, file.ContentType);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; 접근권한 미검토", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Findings report", html, StringComparison.Ordinal);
        Assert.Contains(Catalog.CriteriaCatalog.Embedded[EditionId.IsmsP2023].Find("2.5.4")!.Title.En, html, StringComparison.Ordinal);
        Assert.Contains("Plan submitted", html, StringComparison.Ordinal);

        var auditor = await app.AddMemberAsync(admin, await app.CreateUserAsync("auditor@kisa.kr", "심사원"), Role.Auditor);
        var denied = await Use<BuildFindingsReport, Result<ReportFile>>(app, auditor, h => h.Handle(auditor, audit.Id, Language.Ko, ReportFormat.Pdf, default));
        Assert.IsType<NotFound>(denied.Error);
        Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<AssignAuditor>().Handle(admin, audit.Id, new AssignAuditorRequest(auditor.Actor.UserId), default)));
        Ok(await Use<BuildFindingsReport, Result<ReportFile>>(app, auditor, h => h.Handle(auditor, audit.Id, Language.Ko, ReportFormat.Html, default)));
        Assert.IsType<Invalid>((await Use<BuildFindingsReport, Result<ReportFile>>(app, admin, h => h.Handle(admin, audit.Id, Language.Ko, ReportFormat.Xlsx, default))).Error);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Readiness_report_lists_overdue_corrective_actions_only_once_the_due_date_has_passed(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, _, finding, assessmentId) = await AuditWithFindingAsync(app, "퇴직자 계정 미삭제");
        var before = Ok(await app.Run(admin.OrganizationId, sp => Readiness(sp).BuildAsync(admin, assessmentId, Language.Ko, default)));
        Assert.DoesNotContain(before.Sections, s => s.Key == "overdue-corrective-actions");

        app.Clock.SetUtcNow(new DateTimeOffset(finding.CurrentDueOn.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var file = Ok(await app.Run(admin.OrganizationId, sp => Readiness(sp).Handle(admin, assessmentId, Language.Ko, ReportFormat.Pdf, default)));
        var text = PdfText.Extract(file.Content);
        foreach (var expected in new[] { "조치 기한이 지난 결함", "최초심사", "2.5.4", finding.CurrentDueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "조치계획 제출", "보안팀장" })
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"'{expected}' missing:\n{text}");
        }

        // Closed findings are never overdue: once verified the section is gone again.
        Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<MarkFindingFixed>().Handle(admin, finding.Id, new FixFindingRequest("절차서 v1.0"), default)));
        Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<VerifyFinding>().Handle(admin, finding.Id, new VerifyFindingRequest(true, "확인"), default)));
        var after = Ok(await app.Run(admin.OrganizationId, sp => Readiness(sp).BuildAsync(admin, assessmentId, Language.En, default)));
        Assert.DoesNotContain(after.Sections, s => s.Key == "overdue-corrective-actions");
    }
}
