using Jikimi.Application.Assessments;
using Jikimi.Application.Common;
using Jikimi.Application.Evidence;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Common;
using Jikimi.Reports.Common;
using Jikimi.Reports.Readiness;
using Jikimi.TestSupport.Data;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Reports.Tests.Reporting;

namespace Jikimi.Reports.Tests.Readiness;

public class ReadinessReportTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<(OrgAccess Org, AssessmentView Assessment)> AssessedAsync(AppHarness app, string orgName)
    {
        var admin = await app.CreateUserAsync("admin@a.kr", "관리자", systemAdministrator: true);
        var org = await app.CreateOrganizationAsync(admin, orgName);
        var a = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateAssessment>().Handle(org, new CreateAssessmentRequest(2026, "2023", "isms-p", null, null), default)));
        foreach (var (item, result) in new[] { ("1.1.1-1", "fulfilled"), ("1.1.1-2", "fulfilled"), ("2.5.4-1", "not-fulfilled"), ("2.5.4-2", "not-fulfilled"), ("2.9.4-1", "partial") })
        {
            await app.Run(org.OrganizationId, async sp =>
            {
                var version = Ok(await sp.GetRequiredService<GetControl>().Handle(org, a.Id, item[..item.IndexOf('-', StringComparison.Ordinal)], default)).CheckItems.Single(i => i.CheckItemId == item).Version;
                return Ok(await sp.GetRequiredService<RecordCheckItem>().Handle(org, a.Id, item, new RecordCheckItemRequest(result, null, null, version), default));
            });
        }

        await app.Run(org.OrganizationId, async sp => Ok(await sp.GetRequiredService<UploadEvidence>().Handle(org, null, new UploadEvidenceRequest("접속기록 점검 결과", null, new DateOnly(2025, 12, 1), 365, null), new EvidenceFile(new MemoryStream("x"u8.ToArray()), "log.txt"), default)));
        return (org, a);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Pdf_carries_the_korean_headings_titles_and_numbers(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await AssessedAsync(app, "지킴이 주식회사");
        var file = Ok(await Use<BuildReadinessReport, Result<ReportFile>>(app, org, h => h.Handle(org, a.Id, Language.Ko, ReportFormat.Pdf, default)));
        Assert.Equal("application/pdf", file.ContentType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(file.Content, 0, 5), StringComparison.Ordinal);
        var text = PdfText.Extract(file.Content);
        if (Environment.GetEnvironmentVariable("JIKIMI_KEEP_REPORTS") is { Length: > 0 } keep)
        {
            File.WriteAllBytes(Path.Combine(keep, $"readiness-{provider}.pdf"), file.Content);
        }

        foreach (var expected in new[] { "인증 준비도 보고서", "지킴이 주식회사", "분야별 준비도", "세부분야별 준비도", "가장 큰 미흡 항목", "30일 안에 만료되는 증적", "관리체계 수립 및 운영", "접속기록 점검 결과", "2026-12-01" })
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"'{expected}' missing from the PDF text:\n{text}");
        }

        // The largest gap (2.5.4, two not-fulfilled items) comes with its Korean title from the catalog.
        var title254 = Catalog.CriteriaCatalog.Embedded[EditionId.IsmsP2023].Find("2.5.4")!.Title.Ko;
        Assert.Contains(title254, text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("2.5.4", StringComparison.Ordinal) < text.IndexOf("2.9.4", StringComparison.Ordinal), "2.5.4 (2 not fulfilled) must come before 2.9.4 (1 partial)");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Html_has_svg_charts_escapes_text_runs_no_script_and_shows_extension_sections(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await AssessedAsync(app, "<script>alert(1)</script> 회사");
        var plain = Ok(await Use<BuildReadinessReport, Result<ReportFile>>(app, org, h => h.Handle(org, a.Id, Language.En, ReportFormat.Html, default)));
        var html = System.Text.Encoding.UTF8.GetString(plain.Content);
        Assert.Equal("text/html; charset=utf-8", plain.ContentType);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("Readiness by sub-domain", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; 회사", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Overdue corrective actions", html, StringComparison.Ordinal);

        // Another area (audit lifecycle, risks) plugs a section in; today none is registered, so it is absent above.
        var withSection = await app.Run(org.OrganizationId, sp => new BuildReadinessReport(sp.GetRequiredService<Application.Data.JikimiDb>(), sp.GetRequiredService<Application.Readiness.GetReadiness>(), sp.GetRequiredService<TimeProvider>(), [new FakeSection()])
            .Handle(org, a.Id, Language.En, ReportFormat.Html, default));
        var html2 = System.Text.Encoding.UTF8.GetString(Ok(withSection).Content);
        Assert.Contains("Overdue corrective actions", html2, StringComparison.Ordinal);
        Assert.Contains("CA-1", html2, StringComparison.Ordinal);

        var xlsx = await Use<BuildReadinessReport, Result<ReportFile>>(app, org, h => h.Handle(org, a.Id, Language.En, ReportFormat.Xlsx, default));
        Assert.IsType<Invalid>(xlsx.Error);
        var missing = await Use<BuildReadinessReport, Result<ReportFile>>(app, org, h => h.Handle(org, Guid.NewGuid(), Language.En, ReportFormat.Pdf, default));
        Assert.IsType<NotFound>(missing.Error);
    }

    private sealed class FakeSection : IReadinessReportSection
    {
        public int Order => 100;

        public Task<ReportSection?> BuildAsync(OrgAccess access, Guid assessmentId, Language lang, CancellationToken ct) =>
            Task.FromResult<ReportSection?>(new ReportSection("corrective-actions", "Overdue corrective actions", ["Id", "Due"], [["CA-1", "2026-10-01"]]));
    }
}
