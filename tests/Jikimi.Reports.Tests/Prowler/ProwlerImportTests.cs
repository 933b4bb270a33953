using Jikimi.Application.Assessments;
using Jikimi.Application.Data;
using Jikimi.Application.Evidence;
using Jikimi.Domain.Common;
using Jikimi.Application.Automation.Prowler;
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
        Assert.Equal((6, 4, 1, 0), (r.Found, r.Mapped, r.Manual, r.Muted));
        var why = Assert.Single(r.UnmappedBy!);
        Assert.Equal(("aws", ProwlerUnmapped.CheckNotMapped, 1, "s3_bucket_public_access"), (why.Provider, why.Reason, why.Findings, why.Checks.Single()));
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
    [InlineData("prowler-ocsf.json")]
    [InlineData("prowler.csv")]
    public void Prowler_severities_become_ours_on_every_mapped_finding(string file)
    {
        var (r, error) = ProwlerReader.Parse(Fixture(file));
        Assert.Null(error);
        Assert.NotEmpty(r!.Items!);
        Assert.All(r.Items!, f => Assert.Equal("high", f.OurSeverity));
    }

    [Theory]
    [InlineData("Critical", "critical")]
    [InlineData("high", "high")]
    [InlineData("Medium", "medium")]
    [InlineData("low", "low")]
    [InlineData("Informational", "info")]
    [InlineData("", "info")]
    [InlineData("Unknown", "info")]
    public void Prowler_severity_names_map_onto_ours(string prowler, string ours) =>
        Assert.Equal(ours, new ProwlerFinding("c", ProwlerStatus.Fail, false, "r", "", "aws", "1", ["2.5.3"], null, true, prowler).OurSeverity);

    [Theory]
    [InlineData("not json at all;;", "STATUS, CHECK_ID and COMPLIANCE")]
    [InlineData("[{\"a\": 1}]", "no status_code")]
    [InlineData("[1,2]", "not an object")]
    [InlineData("[]", "holds no findings")]
    [InlineData("STATUS;CHECK_ID;COMPLIANCE\nMAYBE;c;KISA-ISMS-P-2023: 1.1.1\n", "Line 2: STATUS 'MAYBE'")]
    [InlineData("REQUIREMENTS_ID;CHECKID;STATUS\n1.1.1;c;PASS;extra\n", "Line 2 has 4 fields")]
    [InlineData("{\"broken\": ", "Not valid JSON")]
    public void Bad_files_say_what_is_wrong(string content, string expected)
    {
        var (r, error) = ProwlerReader.Parse(System.Text.Encoding.UTF8.GetBytes(content));
        Assert.Null(r);
        Assert.Contains(expected, error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_by_the_edge_not_read_garbled()
    {
        // The semicolon CSV with a Korean account alias saved as CP949 (0xB1 0xE8 is '김' there, invalid UTF-8).
        var head = "STATUS;CHECK_ID;ACCOUNT_UID;COMPLIANCE\nPASS;iam_root_mfa_enabled;"u8.ToArray();
        var tail = ";KISA-ISMS-P-2023: 2.5.3\n"u8.ToArray();
        var (r, error) = ProwlerReader.Parse([.. head, 0xB1, 0xE8, .. tail]);
        Assert.Null(r);
        Assert.Equal(Jikimi.Input.InputError.EncodingCode, error!.Input?.Code);
        Assert.Equal(2, error.Input!.Place?.Line);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task The_import_is_a_run_on_the_automated_evidence_model(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var first = Ok(await Use<ImportProwler, Result<ProwlerImportReport>>(app, org, h => h.Handle(org, null, new MemoryStream(Fixture("prowler-ocsf.json")), default)));
        var runs = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<Jikimi.Application.Automation.ListAutomatedRuns>().Handle(org, a.Id, "prowler", default)));
        var run = Assert.Single(runs); // the mapped findings only: the unmapped one evidences nothing
        Assert.Equal((first.RunId, first.EvidenceId, 2, 2), (run.Id, run.EvidenceId, run.Counts.Pass, run.Counts.Fail));
        Assert.Equal("aws 123456789012", run.Label);
        var c271 = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<Jikimi.Application.Automation.GetControlAutomation>().Handle(org, a.Id, "2.7.1", default)));
        var latest = Assert.Single(c271.Latest);
        Assert.Equal((1, 1), (latest.Counts.Pass, latest.Counts.Fail));
        Assert.Equal("arn:aws:ecs:eu-central-1:123456789012:task-definition/manufacturer-api:7 (eu-central-1)", Assert.Single(latest.Failing).ResourceId);
        Assert.Empty(c271.Suggestions); // Prowler names controls, not check items: nothing to suggest

        var again = Ok(await Use<ImportProwler, Result<ProwlerImportReport>>(app, org, h => h.Handle(org, null, new MemoryStream(Fixture("prowler-ocsf.json")), default)));
        Assert.Equal((true, first.RunId), (again.AlreadyImported, again.RunId));
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

    [Fact]
    public void Prowlers_ismsp_compliance_csv_is_read_one_finding_per_check_and_resource()
    {
        var (r, error) = ProwlerReader.Parse(Fixture("kisa_isms_p_2023_aws.csv"));
        Assert.Null(error);
        Assert.Equal("csv-ismsp", r!.Format);
        Assert.Equal((3, 1, 2), (r.Findings, r.Pass, r.Fail)); // root MFA (two requirements, one finding), CloudTrail, ECS
        Assert.Equal((6, 3, 0, 2, 1), (r.Found, r.Mapped, r.Unmapped, r.Manual, r.Muted)); // + 2 MANUAL requirements, 1 muted S3 finding
        Assert.Equal(["2.5.3", "2.5.4", "2.7.1", "2.9.4"], r.Controls.Select(c => c.ControlId));
        Assert.DoesNotContain(r.Controls, c => c.ControlId is "2.6.1" or "1.1.1"); // muted and manual rows are no evidence
        Assert.Equal((1, 0), (r.Controls[0].Pass, r.Controls[0].Fail));
        Assert.Equal(["arn:aws:cloudtrail:ap-northeast-2:123456789012:trail/main (ap-northeast-2)"], r.Controls.Single(c => c.ControlId == "2.9.4").FailingResources);
        Assert.Equal(["123456789012"], r.Accounts);
        Assert.Equal("aws", r.Provider);
        Assert.Equal(new DateOnly(2025, 11, 27), r.ScanDate);
        Assert.Empty(r.UnmappedBy!);
    }

    [Theory]
    [InlineData("prowler-azure.ocsf.json", "azure", 4, 2, 1, 1)]
    [InlineData("prowler-gcp.ocsf.json", "gcp", 2, 2, 0, 0)]
    [InlineData("prowler-kubernetes.ocsf.json", "kubernetes", 2, 2, 0, 0)]
    [InlineData("prowler-v3-aws.json", "aws", 3, 2, 1, 0)]
    public void Outputs_without_an_ismsp_mapping_say_so_per_provider(string file, string provider, int found, int unmapped, int manual, int muted)
    {
        var (r, error) = ProwlerReader.Parse(Fixture(file));
        Assert.Null(error);
        Assert.Equal((found, 0, unmapped, manual, muted), (r!.Found, r.Mapped, r.Unmapped, r.Manual, r.Muted));
        Assert.Empty(r.Controls);
        var why = Assert.Single(r.UnmappedBy!);
        Assert.Equal((provider, ProwlerUnmapped.NoIsmsPInFile, unmapped), (why.Provider, why.Reason, why.Findings));
        Assert.Contains("predates", why.Explain(korean: false), StringComparison.Ordinal);
        Assert.Contains("ISMS-P", why.Explain(korean: true), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_ismsp_compliance_csv_becomes_evidence_with_its_counts(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var report = Ok(await Use<ImportProwler, Result<ProwlerImportReport>>(app, org, h => h.Handle(org, a.Id, new MemoryStream(Fixture("kisa_isms_p_2023_aws.csv")), default)));
        Assert.Equal(new ProwlerCounts("csv-ismsp", 6, 3, 0, 2, 1, []), report.Counts with { UnmappedBy = [] });
        var evidence = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetEvidence>().Handle(org, report.EvidenceId!.Value, default)));
        Assert.Equal(["2.5.3", "2.5.4", "2.7.1", "2.9.4"], evidence.UsedIn!.Select(u => u.ControlId).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Files_that_map_to_no_control_are_refused_and_store_nothing(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        foreach (var file in new[] { "prowler-azure.ocsf.json", "prowler-gcp.ocsf.json", "prowler-kubernetes.ocsf.json", "prowler-v3-aws.json" })
        {
            var r = await Use<ImportProwler, Result<ProwlerImportReport>>(app, org, h => h.Handle(org, a.Id, new MemoryStream(Fixture(file)), default));
            var refused = Assert.IsType<ProwlerNothingMapped>(r.Error);
            Assert.Equal("prowler.nothing_mapped", refused.Code);
            Assert.Equal(0, refused.Counts.Mapped);
            Assert.Contains("Nothing was stored", refused.Message, StringComparison.Ordinal);
        }

        var counts = await app.Run(org.OrganizationId, async sp =>
        {
            var db = sp.GetRequiredService<JikimiDb>();
            return (await db.Evidence.CountAsync(), await db.EvidenceVersions.CountAsync(), await db.EvidenceLinks.CountAsync(), await db.AuditEvents.CountAsync(e => e.Action == Jikimi.Application.AuditTrail.AuditActions.ProwlerImported));
        });
        Assert.Equal((0, 0, 0, 0), counts);
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
