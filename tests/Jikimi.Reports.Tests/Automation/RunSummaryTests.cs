using System.Text;
using Jikimi.Application.Automation;
using Jikimi.Application.Evidence;
using Jikimi.Domain.Automation;
using Jikimi.Reports.Automation;
using Jikimi.TestSupport.Data;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Reports.Tests.Reporting;

namespace Jikimi.Reports.Tests.Automation;

/// <summary>A run's HTML and PDF summary (ADR 0042): what they show, what they escape, and how they become evidence versions.</summary>
public class RunSummaryTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static AutomatedResultInput Result(string rule, string resource, string status, string severity, string detail, string control, params int[] items) =>
        new(rule, $"{rule} 점검", $"{rule} check", severity, "aws_iam_user", resource, status, detail, [new AutomatedControlInput(control, items)]);

    private static AutomatedRunInput Run(DateTime at, string label) => new(
        AutomatedSources.Checks,
        label,
        "2026.12.1",
        at,
        [new AutomatedInputFile("iam.json", new string('b', 64))],
        [
            Result("aws-iam-mfa-console-users", "user/<script>kim</script>", "fail", "high", "MFA 장치가 없습니다 & \"quoted\"", "2.5.3", 1),
            Result("aws-iam-password-min-length", "account", "fail", "medium", "최소 길이 8 < 12", "2.5.4", 1),
            Result("aws-s3-default-encryption", "bucket-a", "pass", "high", "ok", "2.7.1", 1),
            Result("aws-cloudtrail-enabled", "trail-a", "error", "high", "cannot read", "2.9.4"),
        ]);

    private static RunSummary Summary(string label = "aws 111122223333") => new(
        "checks", label, "2026.12.1", new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc), new StatusCounts(7, 3, 1, 2, 0),
        [new AutomatedInputFile("iam<b>.json", new string('c', 64))], ["2.5.3", "2.5.4"],
        [new RunSummaryRow("aws-iam-mfa", "콘솔 사용자 MFA", "high", "user/<img src=x onerror=alert(1)>", "2.5.3 (1)", "MFA 없음 & \"x\" 'y'")], 3);

    [Fact]
    public void The_pdf_shows_korean_headings_the_counts_and_the_failures()
    {
        var pdf = new RunSummaryRenderer().Render(Summary()).Single(f => f.FileName.EndsWith(".pdf", StringComparison.Ordinal));
        var text = PdfText.Extract(pdf.Content);
        foreach (var expected in new[] { "자동 점검 요약", "실패한 결과", "통과 7", "실패 3", "오류 1", "해당 없음 2", "2026-12-01 09:30:00", "2.5.3, 2.5.4", "aws-iam-mfa", "콘솔 사용자 MFA", "2026.12.1" })
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"'{expected}' missing from the PDF text:\n{text}");
        }
    }

    [Fact]
    public void The_html_escapes_every_value()
    {
        var html = Encoding.UTF8.GetString(new RunSummaryRenderer().Render(Summary("label <i>x</i>")).Single(f => f.FileName.EndsWith(".html", StringComparison.Ordinal)).Content);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("iam<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("& \"x\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("콘솔 사용자 MFA", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_run_adds_a_version_to_its_json_html_and_pdf_evidence_linked_to_its_controls(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, assessment) = await OrgWithAssessmentAsync(app);
        Task<RecordedRunView> Record(DateTime at) => app.Run(admin.OrganizationId, async sp =>
            Ok(await ActivatorUtilities.CreateInstance<RecordAutomatedRun>(sp, (IEnumerable<IRunSummaryRenderer>)[new RunSummaryRenderer()]).Handle(admin, assessment.Id, Run(at, "aws 111122223333"), null, default)));

        var first = await Record(new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc));
        var second = await Record(new DateTime(2026, 11, 8, 9, 0, 0, DateTimeKind.Utc));
        Assert.Equal(first.Run.EvidenceId, second.Run.EvidenceId);
        Assert.Equal(2, second.Run.EvidenceVersion);

        var items = await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<ListEvidence>().Handle(admin, new EvidenceFilter(), default));
        Assert.Equal(3, items.Items.Count);
        foreach (var e in items.Items)
        {
            // Linked once to each control the run evidences, one version per run.
            Assert.Equal((AutomatedSources.Checks, 2, 4), (e.Source, e.CurrentVersion, e.Uses));
        }

        var pdfItem = items.Items.Single(e => e.Title.Contains("PDF", StringComparison.Ordinal));
        var htmlItem = items.Items.Single(e => e.Title.Contains("HTML", StringComparison.Ordinal));
        var pdf = await Download(app, admin, pdfItem.Id);
        var text = PdfText.Extract(pdf);
        foreach (var expected in new[] { "자동 점검 요약", "통과 1", "실패 2", "오류 1", "2026-11-08", "aws-iam-mfa", "2.5.3, 2.5.4, 2.7.1, 2.9.4" })
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"'{expected}' missing from the PDF text:\n{text}");
        }

        var html = Encoding.UTF8.GetString(await Download(app, admin, htmlItem.Id));
        Assert.Contains("user/&lt;script&gt;kim&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("aws-iam-mfa-console-users", StringComparison.Ordinal) < html.IndexOf("aws-iam-password-min-length", StringComparison.Ordinal), "high before medium");
    }

    private static Task<byte[]> Download(AppHarness app, Jikimi.Application.Common.OrgAccess who, Guid id) => app.Run(who.OrganizationId, async sp =>
    {
        var d = Ok(await sp.GetRequiredService<DownloadEvidence>().Handle(who, id, null, default));
        await using var s = d.Content;
        using var ms = new MemoryStream();
        await s.CopyToAsync(ms);
        return ms.ToArray();
    });
}
