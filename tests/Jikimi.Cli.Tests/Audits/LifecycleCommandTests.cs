using System.Text.Json;
using Jikimi.Application.Audits;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Demo;
using Jikimi.Domain.Organizations;
using Jikimi.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Cli.Tests.Audits;

public class LifecycleCommandTests
{
    [Fact]
    public void Obligation_check_reads_a_file_and_answers_in_json_without_a_database()
    {
        using var cli = new CliRunner();
        var input = Path.Combine(cli.DataDir, "org.json");
        File.WriteAllText(input, """{"asOf":"2025-11-04","isMvno":true,"averageDailyUsersPreviousYear":1000000,"isFinancialCompany":false,"enterpriseSize":"medium"}""");
        var r = cli.Run("obligation", "check", "--input", input, "--format", "json");
        Assert.True(r.ExitCode == 0, r.Err);
        var json = JsonDocument.Parse(r.Out).RootElement;
        Assert.True(json.GetProperty("obliged").GetBoolean());
        Assert.Equal(["MVNO", "DAILY_USERS"], json.GetProperty("grounds").EnumerateArray().Select(g => g.GetProperty("code").GetString()));
        Assert.False(json.GetProperty("simplifiedEligible").GetBoolean());
        Assert.Equal(30_000_000, json.GetProperty("maxFineKrw").GetInt64());
        Assert.Equal("2025-08-31", json.GetProperty("deadline").GetString());
        Assert.False(File.Exists(Path.Combine(cli.DataDir, "jikimi.db")));

        var before = cli.Run("obligation", "check", "--input", input, "--as-of", "2025-11-03", "--lang", "en");
        Assert.Equal(0, before.ExitCode);
        Assert.Contains("DAILY_USERS", before.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("MVNO ", before.Out, StringComparison.Ordinal);
        Assert.Contains("MVNOs are obliged only from 2025-11-04", before.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Obligation_check_rejects_bad_input_clearly()
    {
        using var cli = new CliRunner();
        var input = Path.Combine(cli.DataDir, "typo.json");
        File.WriteAllText(input, """{"isIsp":true}""");
        var typo = cli.Run("obligation", "check", "--input", input);
        Assert.Equal(1, typo.ExitCode);
        Assert.Contains("isIsp", typo.Err, StringComparison.Ordinal);
        Assert.Equal(1, cli.Run("obligation", "check", "--input", Path.Combine(cli.DataDir, "missing.json")).ExitCode);
        Assert.Equal(2, cli.Run("obligation", "check", "--input", input, "--as-of", "yesterday").ExitCode);
        Assert.Equal(2, cli.Run("obligation", "check").ExitCode);
    }

    [Fact]
    public async Task Audit_and_finding_commands_read_the_database()
    {
        using var cli = new CliRunner();
        Guid auditId;
        var options = new JikimiHostOptions { DataDirectory = cli.DataDir, Announce = _ => { } };
        var app = HostSetup.Build(options);
        await using (app)
        {
            await HostSetup.InitializeAsync(app, options);
            await using var scope = app.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var org = await sp.GetRequiredService<SeedDemo>().Handle(default);
            sp.GetRequiredService<JikimiDb>().UseTenant(org);
            var access = new OrgAccess(org, Role.Administrator, Actor.System);
            var audit = await sp.GetRequiredService<CreateAudit>().Handle(access, new CreateAuditRequest("initial", null, null, new DateOnly(2020, 1, 1), null, null, "KISA", "심사팀", null, null, null, null, null), default);
            auditId = audit.Value!.Id;
            await sp.GetRequiredService<RecordFinding>().Handle(access, auditId, new RecordFindingRequest("2.5.4", null, "지난 결함", null, "high", new DateOnly(2020, 1, 1)), default);
            var fresh = DateOnly.FromDateTime(DateTime.UtcNow);
            await sp.GetRequiredService<RecordFinding>().Handle(access, auditId, new RecordFindingRequest("2.9.4", null, "새 결함", null, "low", fresh), default);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var list = cli.Run("audit", "list", "--format", "json");
        Assert.True(list.ExitCode == 0, list.Err);
        Assert.Equal(auditId, JsonDocument.Parse(list.Out).RootElement[0].GetProperty("id").GetGuid());

        var show = cli.Run("audit", "show", auditId.ToString(), "--lang", "en");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("KISA", show.Out, StringComparison.Ordinal);
        Assert.Contains("2 findings", show.Out, StringComparison.Ordinal);

        var overdue = cli.Run("finding", "list", "--overdue", "--format", "json");
        Assert.True(overdue.ExitCode == 0, overdue.Err);
        var rows = JsonDocument.Parse(overdue.Out).RootElement;
        Assert.Equal("2.5.4", Assert.Single(rows.EnumerateArray()).GetProperty("controlId").GetString());
        Assert.Equal(2, JsonDocument.Parse(cli.Run("finding", "list", "--format", "json").Out).RootElement.GetArrayLength());

        Assert.Equal(2, cli.Run("audit", "list", "--org", "없는 회사").ExitCode);
        Assert.Equal(1, cli.Run("audit", "show", Guid.NewGuid().ToString()).ExitCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
