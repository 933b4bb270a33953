using System.Diagnostics;
using System.Text;
using Jikimi.Application.Assessments;
using Jikimi.Application.Cloud;
using Jikimi.Application.Common;
using Jikimi.Application.Readiness;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Common;
using Jikimi.Reports.Cloud;
using Jikimi.Reports.Common;
using Jikimi.Reports.Readiness;
using Jikimi.Reports.Statement;
using Jikimi.TestSupport.Data;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Reports.Tests.Reporting;

namespace Jikimi.Reports.Tests.Cloud;

/// <summary>
/// The seed's Azure scenario in the documents: an ISMS assessment of an organization on Azure IaaS cites Azure's ISMS
/// certificate in 운영현황 and in the readiness report, counts inherited check items by reference while the certificate
/// is valid, and stops doing so once it has ended.
/// </summary>
public class CloudInheritanceReportTests
{
    private static readonly ProviderCertificateRequest AzureIsms = new(
        "isms", "ISMS-TEST-2024-017", "KISA", "Datacenter infrastructure", "Korea Central, Korea South",
        new DateOnly(2024, 1, 29), new DateOnly(2027, 1, 28), 80, null);

    private static async Task<(OrgAccess Org, AssessmentView Assessment)> IsmsOnAzureAsync(AppHarness app)
    {
        var admin = await app.CreateUserAsync("admin@a.kr", "관리자", systemAdministrator: true);
        var org = await app.CreateOrganizationAsync(admin, "클라우드 주식회사");
        var a = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateAssessment>().Handle(org, new CreateAssessmentRequest(2026, "2023", "isms", null, null), default)));
        Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<DeclareCloudUsage>().Handle(
            org, new DeclareCloudUsageRequest([new CloudUsageItem("azure", "iaas", "Virtual Machines", "Korea Central")]), default)));
        Ok(await app.Run(null, sp => sp.GetRequiredService<RecordProviderCertificate>().HandleInstance(admin, "azure", AzureIsms, default)));
        return (org, a);
    }

    private static Task<AssessmentInheritanceView> InheritanceOf(AppHarness app, OrgAccess org, Guid assessment) =>
        app.Run(org.OrganizationId, async sp => Ok(await sp.GetRequiredService<GetAssessmentInheritance>().Handle(org, assessment, default)));

    private static Task<Result<ReportFile>> Readiness(AppHarness app, OrgAccess org, Guid assessment, ReportFormat format) =>
        app.Run(org.OrganizationId, sp => new BuildReadinessReport(
                sp.GetRequiredService<Application.Data.JikimiDb>(), sp.GetRequiredService<GetReadiness>(), sp.GetRequiredService<TimeProvider>(),
                [ActivatorUtilities.CreateInstance<CloudInheritanceSection>(sp)])
            .Handle(org, assessment, Language.Ko, format, default));

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Readiness_counts_inherited_items_by_reference_only_while_the_certificate_is_valid(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await IsmsOnAzureAsync(app);

        var before = await InheritanceOf(app, org, a.Id);
        Assert.Equal(new InheritanceSummary(6, 9, 65, 0), before.Summary);
        var inheritedItems = before.Controls.Where(c => c.State == "covered").SelectMany(c => c.CheckItems).Where(i => i.Inheritance == "inherited").Select(i => i.Id).ToList();
        Assert.NotEmpty(inheritedItems);
        Assert.Equal(inheritedItems.Count, before.InheritedItemsCounted);
        Assert.Equal(before.Recorded.Fulfilled + inheritedItems.Count, before.WithInheritance.Fulfilled);
        Assert.True(before.ReadinessWithInheritance > (before.Readiness ?? 0));

        // A result a person recorded on an inherited item stands: it is no longer counted by reference.
        var first = inheritedItems[0];
        await app.Run(org.OrganizationId, async sp =>
        {
            var version = Ok(await sp.GetRequiredService<GetControl>().Handle(org, a.Id, first[..first.IndexOf('-', StringComparison.Ordinal)], default)).CheckItems.Single(i => i.CheckItemId == first).Version;
            return Ok(await sp.GetRequiredService<RecordCheckItem>().Handle(org, a.Id, first, new RecordCheckItemRequest("not-fulfilled", null, null, version), default));
        });
        var recorded = await InheritanceOf(app, org, a.Id);
        Assert.Equal(inheritedItems.Count - 1, recorded.InheritedItemsCounted);
        Assert.Equal(1, recorded.WithInheritance.NotFulfilled);

        // The PDF names the breakdown, both readiness figures and the certificate relied on, in Korean.
        var text = PdfText.Extract(Ok(await Readiness(app, org, a.Id, ReportFormat.Pdf)).Content);
        foreach (var expected in new[] { "클라우드 상속 통제", "상속 6", "공유 9", "자체 65", "상속 반영", "ISMS-TEST-2024-017", "Microsoft Azure", "인증서로 충족" })
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"'{expected}' missing from the PDF text:\n{text}");
        }

        // The day after the certificate ends nothing is counted by reference and the report says evidence is needed.
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 29, 1, 0, 0, TimeSpan.Zero));
        var lapsed = await InheritanceOf(app, org, a.Id);
        Assert.Equal(0, lapsed.InheritedItemsCounted);
        Assert.Equal(lapsed.Recorded, lapsed.WithInheritance);
        Assert.Equal(15, lapsed.Summary.NeedsEvidence);
        var html = Encoding.UTF8.GetString(Ok(await Readiness(app, org, a.Id, ReportFormat.Html)).Content);
        Assert.Contains("증적 필요", html, StringComparison.Ordinal);
        Assert.Contains("(만료)", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Statement_cites_the_certificate_in_the_operating_status_and_the_import_leaves_it_out(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await IsmsOnAzureAsync(app);
        await UpdateStatementAsync(app, org, a.Id, "2.4.1", true, null, "출입 기록은 Azure 감사 보고서로 확인", null, null);

        var file = Ok(await Use<ExportStatement, Result<ReportFile>>(app, org, h => h.Handle(org, a.Id, Language.Ko, default)));
        var sheet = Encoding.UTF8.GetString(Parts(file.Content)["xl/worksheets/sheet1.xml"]);
        Assert.Contains("[클라우드 상속] 상속, 인증서로 충족 — Microsoft Azure · ISMS ISMS-TEST-2024-017 · 2024-01-29 ~ 2027-01-28 (유효)", sheet, StringComparison.Ordinal);
        Assert.Contains("[클라우드 상속] 공유", sheet, StringComparison.Ordinal);
        Assert.Contains("출입 기록은 Azure 감사 보고서로 확인", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("[Cloud inheritance]", sheet, StringComparison.Ordinal);
        var english = Ok(await Use<ExportStatement, Result<ReportFile>>(app, org, h => h.Handle(org, a.Id, Language.En, default)));
        Assert.Contains("[Cloud inheritance] inherited, covered by certificate — Microsoft Azure · ISMS ISMS-TEST-2024-017", Encoding.UTF8.GetString(Parts(english.Content)["xl/worksheets/sheet1.xml"]), StringComparison.Ordinal);

        // Imported back, the inheritance lines are not taken for the organization's own text: nothing changes.
        var report = Ok(await Use<ImportStatement, Result<StatementImportReport>>(app, org, h => h.Handle(org, a.Id, file.OpenRead(), default)));
        Assert.Equal(0, report.Changed);
        var c241 = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetControl>().Handle(org, a.Id, "2.4.1", default)));
        Assert.Equal("출입 기록은 Azure 감사 보고서로 확인", c241.OperationStatus);
        var c242 = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetControl>().Handle(org, a.Id, "2.4.2", default)));
        Assert.Null(c242.OperationStatus);

        // A real spreadsheet program opens it and shows the citation (once: the file does not depend on the database).
        if (provider == TestDatabase.Sqlite)
        {
            // LibreOffice wraps long cells and may drop the hyphen at a line break: compare without spaces and hyphens.
            var text = LibreOfficeText(file.Content);
            var squeezed = text is null ? null : new string(text.Where(ch => !char.IsWhiteSpace(ch) && ch != '-').ToArray());
            Assert.True(squeezed is null || squeezed.Contains("[클라우드상속]상속,인증서로충족—MicrosoftAzure·ISMSISMSTEST2024017", StringComparison.Ordinal), $"citation missing from LibreOffice's rendering:\n{text}");
        }
    }

    /// <summary>The XLSX converted to PDF by LibreOffice, as text; null when soffice is absent and not required.</summary>
    private static string? LibreOfficeText(byte[] xlsx)
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);
        if (soffice is null)
        {
            Assert.True(Environment.GetEnvironmentVariable("JIKIMI_REQUIRE_LIBREOFFICE") != "1", "LibreOffice (soffice) is required here");
            return null;
        }

        var dir = Directory.CreateTempSubdirectory("jikimi-lo-");
        try
        {
            var path = Path.Combine(dir.FullName, "statement.xlsx");
            File.WriteAllBytes(path, xlsx);
            var psi = new ProcessStartInfo(soffice, [$"-env:UserInstallation=file://{dir.FullName}/profile", "--headless", "--convert-to", "pdf", "--outdir", dir.FullName, path])
            { RedirectStandardOutput = true, RedirectStandardError = true };
            using (var p = Process.Start(psi)!)
            {
                var err = p.StandardError.ReadToEndAsync();
                _ = p.StandardOutput.ReadToEndAsync();
                Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)), "LibreOffice did not finish");
                Assert.True(File.Exists(Path.Combine(dir.FullName, "statement.pdf")), "LibreOffice did not convert the file: " + err.Result);
            }

            return PdfText.Extract(File.ReadAllBytes(Path.Combine(dir.FullName, "statement.pdf")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
