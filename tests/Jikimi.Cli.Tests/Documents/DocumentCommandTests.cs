using System.Diagnostics;
using Jikimi.Application.Audits;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Organizations;
using Jikimi.TestSupport;
using Jikimi.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Cli.Tests.Documents;

/// <summary>`jikimi report …` and `jikimi import …` against a local data directory seeded with the demo organization.</summary>
public sealed class DocumentCommandTests : IDisposable
{
    private const string Org = Jikimi.Application.Demo.SeedDemo.OrganizationName;
    private readonly CliRunner _cli = new();
    private readonly TempDir _out = new();

    public DocumentCommandTests()
    {
        var options = new JikimiHostOptions { DataDirectory = _cli.DataDir, Demo = true, Announce = _ => { } };
        var app = HostSetup.Build(options);
        HostSetup.InitializeAsync(app, options).GetAwaiter().GetResult();
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _cli.Dispose();
        _out.Dispose();
    }

    [Fact]
    public void Statement_exports_and_imports_back_unchanged_and_bad_files_list_their_cells()
    {
        var file = _out.File("statement.xlsx");
        var r = _cli.Run("report", "statement", "--org", Org, "--out", file);
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.True(new FileInfo(file).Length > 5_000);

        var back = _cli.Run("import", "statement", file);
        Assert.True(back.ExitCode == 0, back.Err);
        Assert.Contains("0 controls changed", back.Out, StringComparison.Ordinal);

        File.WriteAllBytes(_out.File("bad.xlsx"), "garbage"u8.ToArray());
        var bad = _cli.Run("import", "statement", _out.File("bad.xlsx"), "--org", Org, "--assessment", "2026");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("sheet.not_xlsx", bad.Err, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", bad.Err, StringComparison.Ordinal);

        Assert.Equal(2, _cli.Run("report", "statement", "--org", "없는 회사", "--out", file).ExitCode);
        Assert.Equal(2, _cli.Run("report", "statement", "--org", Org, "--format", "pdf", "--out", file).ExitCode);
    }

    [Fact]
    public void Readiness_pdf_carries_korean_and_html_is_written()
    {
        var pdf = _out.File("readiness.pdf");
        var r = _cli.Run("report", "readiness", "--org", "데모", "--format", "pdf", "--out", pdf); // a unique part of the name
        Assert.True(r.ExitCode == 0, r.Err);
        var text = Run("pdftotext", "-enc", "UTF-8", pdf, "-").Out;
        Assert.Contains("인증 준비도 보고서", text, StringComparison.Ordinal);
        Assert.Contains(Org, text, StringComparison.Ordinal);

        var html = _out.File("readiness.html");
        Assert.Equal(0, _cli.Run("--lang", "en", "report", "readiness", "--org", Org, "--format", "html", "--out", html).ExitCode);
        Assert.Contains("Certification readiness report", File.ReadAllText(html), StringComparison.Ordinal);

        var oscal = _out.File("catalog.json");
        Assert.Equal(0, _cli.Run("report", "oscal-catalog", "--out", oscal).ExitCode);
        Assert.Contains("\"oscal-version\": \"1.0.4\"", File.ReadAllText(oscal), StringComparison.Ordinal);
        Assert.Equal(0, _cli.Run("report", "oscal", "--org", Org, "--out", _out.File("results.json")).ExitCode);
    }

    [Fact]
    public async Task Findings_report_of_an_audit_is_written_as_pdf_and_html()
    {
        Guid auditId;
        var options = new JikimiHostOptions { DataDirectory = _cli.DataDir, Announce = _ => { } };
        var app = HostSetup.Build(options);
        await using (app)
        {
            await HostSetup.InitializeAsync(app, options);
            await using var scope = app.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<JikimiDb>();
            var org = await db.Organizations.Where(o => o.Name == Org).Select(o => o.Id).SingleAsync();
            db.UseTenant(org);
            var access = new OrgAccess(org, Role.Administrator, Actor.System);
            var audit = await sp.GetRequiredService<CreateAudit>().Handle(access, new CreateAuditRequest("initial", null, null, new DateOnly(2025, 1, 1), null, null, "KISA", "심사팀", null, null, null, null, null), default);
            auditId = audit.Value!.Id;
            Assert.Null((await sp.GetRequiredService<RecordFinding>().Handle(access, auditId, new RecordFindingRequest("2.5.4", null, "퇴직자 계정 미삭제", null, "high", null), default)).Error);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var pdf = _out.File("findings.pdf");
        var r = _cli.Run("report", "findings", "--org", Org, "--audit", auditId.ToString(), "--format", "pdf", "--out", pdf);
        Assert.True(r.ExitCode == 0, r.Err);
        var text = Run("pdftotext", "-enc", "UTF-8", pdf, "-").Out;
        Assert.Contains("결함보고서", text, StringComparison.Ordinal);
        Assert.Contains("퇴직자 계정 미삭제", text, StringComparison.Ordinal);

        var html = _out.File("findings.html");
        Assert.Equal(0, _cli.Run("--lang", "en", "report", "findings", "--org", Org, "--audit", auditId.ToString(), "--format", "html", "--out", html).ExitCode);
        Assert.Contains("Findings report", File.ReadAllText(html), StringComparison.Ordinal);

        var missing = _cli.Run("report", "findings", "--org", Org, "--audit", Guid.NewGuid().ToString(), "--out", _out.File("none.pdf"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("audit.not_found", missing.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(_out.File("none.pdf")));
        Assert.Equal(2, _cli.Run("report", "findings", "--org", Org, "--out", pdf).ExitCode); // --audit is required
    }

    [Fact]
    public void Prowler_import_twice_changes_nothing_the_second_time()
    {
        var fixture = Path.Combine(RepoPaths.Root, "tests", "Jikimi.Reports.Tests", "TestData", "prowler", "prowler-ocsf.json");
        var first = _cli.Run("import", "prowler", fixture, "--org", Org);
        Assert.True(first.ExitCode == 0, first.Err);
        Assert.Contains("imported 5 findings (3 pass, 2 fail)", first.Out, StringComparison.Ordinal);
        var second = _cli.Run("import", "prowler", fixture, "--org", Org);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already imported", second.Out, StringComparison.Ordinal);
        Assert.Equal(1, _cli.Run("import", "prowler", _out.File("missing.json"), "--org", Org).ExitCode); // a missing input file: exit 1 everywhere
    }

    [Fact]
    public void Iso_coverage_lists_covered_iso_controls_and_what_isms_p_asks_beyond()
    {
        var text = _cli.Run("--lang", "en", "report", "iso-coverage", "--org", Org);
        Assert.True(text.ExitCode == 0, text.Err);
        Assert.Contains("of 93 controls have evidence", text.Out, StringComparison.Ordinal);
        Assert.Contains("What ISMS-P asks beyond ISO", text.Out, StringComparison.Ordinal);
        Assert.Contains("3.2.2", text.Out.Split("What ISMS-P asks beyond ISO")[1], StringComparison.Ordinal);

        var json = _cli.Run("report", "iso-coverage", "--org", Org, "--framework", "iso27017-2015", "--format", "json");
        Assert.True(json.ExitCode == 0, json.Err);
        using var doc = System.Text.Json.JsonDocument.Parse(json.Out);
        Assert.Equal("iso27017-2015", doc.RootElement.GetProperty("framework").GetString());
        Assert.Equal(2, _cli.Run("report", "iso-coverage", "--org", Org, "--framework", "iso9001").ExitCode);
    }

    [Fact]
    public void Azure_policy_import_records_a_run_once_and_reports_unmapped_groups()
    {
        var fixture = RepoPaths.TestData("azure-policy", "az-policy-states.json");
        var first = _cli.Run("--lang", "en", "import", "azure-policy", fixture, "--org", Org);
        Assert.True(first.ExitCode == 0, first.Err);
        Assert.Contains("2 compliant · 2 non-compliant · 1 exempt", first.Out, StringComparison.Ordinal);
        Assert.Contains("found 7 · mapped 5 · unmapped 2 (policy-states)", first.Out, StringComparison.Ordinal);
        Assert.Contains("K_ISMS_P_2023_3.4.3: not a control of the ISMS-P 2023 edition", first.Out, StringComparison.Ordinal);
        var second = _cli.Run("--lang", "en", "import", "azure-policy", fixture, "--org", Org);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already imported", second.Out, StringComparison.Ordinal);

        var nothing = _out.File("nothing.json");
        File.WriteAllText(nothing, "[{\"complianceState\":\"NonCompliant\",\"policyDefinitionId\":\"x\",\"policyDefinitionGroupNames\":[\"K_ISMS_P_2023_2.5\"]}]");
        var refused = _cli.Run("import", "azure-policy", nothing, "--org", Org);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("azure_policy.nothing_mapped", refused.Err, StringComparison.Ordinal);
        Assert.Contains("발견 1 · 매핑 0 · 매핑 안 됨 1", refused.Err, StringComparison.Ordinal);

        var bad = _out.File("bad.json");
        File.WriteAllText(bad, "[{\"complianceState\":\"Maybe\"}]");
        var malformed = _cli.Run("import", "azure-policy", bad, "--org", Org);
        Assert.Equal(1, malformed.ExitCode);
        Assert.Contains("$[0].complianceState", malformed.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", malformed.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Prowler_import_reports_what_the_file_held_and_refuses_files_that_map_to_nothing()
    {
        string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests", "Jikimi.Reports.Tests", "TestData", "prowler", name);
        var csv = _cli.Run("--lang", "en", "import", "prowler", Fixture("kisa_isms_p_2023_aws.csv"), "--org", Org);
        Assert.True(csv.ExitCode == 0, csv.Err);
        Assert.Contains("found 6 · mapped 3 · unmapped 0 · manual 2 · muted 1 (csv-ismsp)", csv.Out, StringComparison.Ordinal);

        var azure = _cli.Run("import", "prowler", Fixture("prowler-azure.ocsf.json"), "--org", Org);
        Assert.Equal(1, azure.ExitCode);
        Assert.Contains("prowler.nothing_mapped", azure.Err, StringComparison.Ordinal);
        Assert.Contains("발견 4 · 매핑 0 · 매핑 안 됨 2 · 수동(MANUAL) 1 · 음소거 1", azure.Err, StringComparison.Ordinal);
        Assert.Contains("azure: 파일의 점검 결과에 ISMS-P", azure.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", azure.Err, StringComparison.Ordinal);
    }

    /// <summary>
    /// The generated XLSX opens in a real spreadsheet program: LibreOffice converts it to PDF. scripts/test.sh
    /// installs LibreOffice and sets JIKIMI_REQUIRE_LIBREOFFICE=1, so there a missing soffice fails the test.
    /// </summary>
    [Fact]
    public void Generated_statement_opens_in_LibreOffice()
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);
        if (soffice is null)
        {
            Assert.True(Environment.GetEnvironmentVariable("JIKIMI_REQUIRE_LIBREOFFICE") != "1", "LibreOffice (soffice) is required here: apt-get install libreoffice-calc-nogui");
            return;
        }

        var file = _out.File("운영명세서.xlsx");
        Assert.Equal(0, _cli.Run("report", "statement", "--org", Org, "--out", file).ExitCode);
        var profile = _out.File("lo-profile");
        var r = Run(soffice, $"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", _out.Path, file);
        var pdf = _out.File("운영명세서.pdf");
        Assert.True(File.Exists(pdf), $"LibreOffice did not convert the file: {r.Out} {r.Err}");
        var text = Run("pdftotext", "-enc", "UTF-8", pdf, "-").Out;
        Assert.Contains("운영현황", text, StringComparison.Ordinal);
    }

    private static (string Out, string Err) Run(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)), $"{exe} did not finish");
        return (stdout.Result, stderr.Result);
    }
}
