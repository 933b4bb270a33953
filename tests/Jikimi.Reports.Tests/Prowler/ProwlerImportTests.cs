using Jikimi.Application.Assessments;
using Jikimi.Application.Data;
using Jikimi.Application.Evidence;
using Jikimi.Domain.Common;
using Jikimi.Reports.Prowler;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Reports.Tests.Reporting;

namespace Jikimi.Reports.Tests.Prowler;

public class ProwlerImportTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "prowler", name));

    [Theory]
    [InlineData("prowler-ocsf.json", "json-ocsf")]
    [InlineData("prowler.csv", "csv")]
    public void Both_formats_give_the_same_counts_per_control(string file, string format)
    {
        var (r, error) = ProwlerReader.Parse(Fixture(file));
        Assert.Null(error);
        Assert.Equal(format, r!.Format);
        Assert.Equal((5, 3, 2, 1), (r.Findings, r.Pass, r.Fail, r.Unmapped)); // MANUAL not counted; the CIS-only finding is unmapped
        Assert.Equal(["2.5.3", "2.7.1", "2.9.4", "2.11.2"], r.Controls.Select(c => c.ControlId));
        var c271 = r.Controls.Single(c => c.ControlId == "2.7.1");
        Assert.Equal((1, 1), (c271.Pass, c271.Fail));
        Assert.Equal(["arn:aws:ecs:eu-central-1:123456789012:task-definition/manufacturer-api:7 (eu-central-1)"], c271.FailingResources);
        Assert.Equal(["123456789012"], r.Accounts);
        Assert.Equal(new DateOnly(2025, 11, 27), r.ScanDate);
        var summary = System.Text.Encoding.UTF8.GetString(r.ToSummaryJson());
        Assert.DoesNotContain("somePassword", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("DB_PASSWORD", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all;;", "STATUS, CHECK_ID and COMPLIANCE")]
    [InlineData("[{\"a\": 1}]", "no status_code")]
    [InlineData("[1,2]", "not an object")]
    [InlineData("[]", "no PASS or FAIL findings")]
    [InlineData("{\"broken\": ", "Not valid JSON")]
    public void Bad_files_say_what_is_wrong(string content, string expected)
    {
        var (r, error) = ProwlerReader.Parse(System.Text.Encoding.UTF8.GetBytes(content));
        Assert.Null(r);
        Assert.Contains(expected, error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Import_attaches_linked_evidence_once_and_a_second_import_changes_nothing(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var first = Ok(await Use<ImportProwler, Result<ProwlerImportReport>>(app, org, h => h.Handle(org, null, new MemoryStream(Fixture("prowler-ocsf.json")), default)));
        Assert.False(first.AlreadyImported);
        Assert.Equal(a.Id, first.AssessmentId);
        var evidence = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetEvidence>().Handle(org, first.EvidenceId!.Value, default)));
        Assert.Equal("prowler", evidence.Source);
        Assert.Equal(["2.11.2", "2.5.3", "2.7.1", "2.9.4"], evidence.UsedIn!.Select(u => u.ControlId).Order(StringComparer.Ordinal));
        var control = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetControl>().Handle(org, a.Id, "2.7.1", default)));
        Assert.Contains(control.Evidence, e => e.EvidenceId == first.EvidenceId);

        // The stored file is the summary: counts and failing resources, no secrets from the scan.
        var download = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<DownloadEvidence>().Handle(org, first.EvidenceId!.Value, null, default)));
        string stored;
        await using (download.Content)
        {
            stored = await new StreamReader(download.Content).ReadToEndAsync();
        }

        Assert.Contains("manufacturer-api:7", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("somePassword", stored, StringComparison.Ordinal);
        Assert.Equal(first.Sha256, download.Sha256);

        async Task<(int Items, int Versions, int Links, int Events)> Counts() => await app.Run(org.OrganizationId, async sp =>
        {
            var db = sp.GetRequiredService<JikimiDb>();
            return (await db.Evidence.CountAsync(), await db.EvidenceVersions.CountAsync(), await db.EvidenceLinks.CountAsync(), await db.AuditEvents.CountAsync());
        });
        var before = await Counts();
        var second = Ok(await Use<ImportProwler, Result<ProwlerImportReport>>(app, org, h => h.Handle(org, a.Id, new MemoryStream(Fixture("prowler-ocsf.json")), default)));
        Assert.True(second.AlreadyImported);
        Assert.Equal(first.EvidenceId, second.EvidenceId);
        Assert.Equal(before, await Counts());

        // A CSV run of the same account adds a version to the same evidence item, without duplicating links.
        var csv = Ok(await Use<ImportProwler, Result<ProwlerImportReport>>(app, org, h => h.Handle(org, a.Id, new MemoryStream(Fixture("prowler.csv")), default)));
        Assert.False(csv.AlreadyImported);
        Assert.Equal(first.EvidenceId, csv.EvidenceId);
        var after = await Counts();
        Assert.Equal((before.Items, before.Versions + 1, before.Links), (after.Items, after.Versions, after.Links));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Bad_or_forbidden_imports_store_nothing(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var bad = await Use<ImportProwler, Result<ProwlerImportReport>>(app, org, h => h.Handle(org, a.Id, new MemoryStream("[{\"x\":1}]"u8.ToArray()), default));
        Assert.IsType<ProwlerFileInvalid>(bad.Error);
        var owner = await app.AddMemberAsync(org, await app.CreateUserAsync("o@a.kr", "담당자"), Domain.Organizations.Role.ControlOwner);
        var denied = await Use<ImportProwler, Result<ProwlerImportReport>>(app, owner, h => h.Handle(owner, a.Id, new MemoryStream(Fixture("prowler.csv")), default));
        Assert.IsType<Forbidden>(denied.Error);
        Assert.Equal(0, await app.Run(org.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().Evidence.CountAsync()));
    }
}
