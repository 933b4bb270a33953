using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jikimi.Cli.Tests.Pii;
using Jikimi.TestSupport;

namespace Jikimi.Cli.Tests.Risk;

/// <summary>`jikimi asset import|export` and `jikimi risk list` against a real server on a loopback port (compliance-manager token).</summary>
public sealed class RiskCommandTests(UploadServer server) : IClassFixture<UploadServer>, IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly TempDir _dir = new();

    public void Dispose()
    {
        _cli.Dispose();
        _dir.Dispose();
    }

    private string[] Api => ["--server", server.BaseAddress.ToString(), "--org", server.Org.ToString(), "--token", server.Token];

    private Task<CliResult> RunAsync(params string[] args) => Task.Run(() => _cli.Run(["--lang", "en", .. args]));

    [Fact]
    public async Task Assets_import_all_or_nothing_then_risks_above_the_doa_are_listed()
    {
        var bad = _dir.File("bad.csv");
        File.WriteAllText(bad, "assetId,name,type,owner,confidentiality,integrity,availability\nDB-1,고객 DB,database,ciso@a.kr,3,3,3\nDB-1,사본,database,,1,1,1\nPC-1,PC,terminal,nobody@x.kr,1,1,1\n");
        var rejected = await RunAsync(["asset", "import", bad, .. Api]);
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("import.rejected", rejected.Err, StringComparison.Ordinal);
        Assert.Contains("row 3 [assetId] asset.duplicate", rejected.Err, StringComparison.Ordinal);
        Assert.Contains("row 4 [owner] owner.unknown", rejected.Err, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Token, rejected.Out + rejected.Err, StringComparison.Ordinal);

        var empty = await RunAsync(["asset", "export", .. Api]);
        Assert.Equal(0, empty.ExitCode);
        Assert.Single(empty.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var good = _dir.File("good.csv");
        File.WriteAllText(good, "assetId,name,type,owner,confidentiality,integrity,availability\nDB-1,고객 DB,database,ciso@a.kr,3,3,3\nPC-1,PC,terminal,,1,1,1\n");
        var imported = await RunAsync(["asset", "import", good, .. Api]);
        Assert.True(imported.ExitCode == 0, imported.Err);
        Assert.Contains("imported 2 rows (2 new, 0 updated)", imported.Out, StringComparison.Ordinal);
        var exported = _dir.File("out.csv");
        Assert.Equal(0, (await RunAsync(["asset", "export", "--out", exported, .. Api])).ExitCode);
        Assert.Contains("DB-1,고객 DB,database,ciso@a.kr", File.ReadAllText(exported), StringComparison.Ordinal);

        // The same inventory as XLSX (chosen by the file name), and back in: the rows update in place.
        var xlsx = _dir.File("out.xlsx");
        var wrote = await RunAsync(["asset", "export", "--out", xlsx, .. Api]);
        Assert.True(wrote.ExitCode == 0, wrote.Err);
        Assert.True(File.ReadAllBytes(xlsx).AsSpan().StartsWith("PK\x03\x04"u8), "an XLSX is a zip");
        var back = await RunAsync(["asset", "import", xlsx, .. Api]);
        Assert.True(back.ExitCode == 0, back.Err);
        Assert.Contains("imported 2 rows (0 new, 2 updated)", back.Out, StringComparison.Ordinal);
        Assert.Equal(2, (await RunAsync(["asset", "export", "--format", "xlsx", .. Api])).ExitCode); // a zip is not for stdout

        // A risk assessment with two risks, one above the acceptable level.
        using var c = server.Client(server.Token);
        var org = $"/api/v1/orgs/{server.Org}";
        var assets = (await UploadServer.Ok(c.GetAsync($"{org}/assets"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToDictionary(a => a.GetProperty("assetId").GetString()!, a => a.GetProperty("id").GetGuid());
        var ra = (await UploadServer.Ok(c.PostAsJsonAsync($"{org}/risk/assessments", new { year = 2026, acceptableLevel = 8 }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var threat = (await UploadServer.Ok(c.GetAsync($"{org}/risk/threats"), HttpStatusCode.OK))[0].GetProperty("id").GetGuid();
        await UploadServer.Ok(c.PostAsJsonAsync($"{org}/risk/assessments/{ra}/risks", new { assetId = assets["DB-1"], threatId = threat, threatLevel = 3, vulnerabilityLevel = 2, vulnerability = "관리자 MFA 없음" }), HttpStatusCode.Created);
        await UploadServer.Ok(c.PostAsJsonAsync($"{org}/risk/assessments/{ra}/risks", new { assetId = assets["PC-1"], threatId = threat, threatLevel = 1, vulnerabilityLevel = 1, vulnerability = "화면보호기 미설정" }), HttpStatusCode.Created);

        var json = await RunAsync(["risk", "list", "--above-doa", "--format", "json", .. Api]);
        Assert.True(json.ExitCode == 0, json.Err);
        var doc = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal((2026, 8, false), (doc.GetProperty("year").GetInt32(), doc.GetProperty("acceptableLevel").GetInt32(), doc.GetProperty("doaApproved").GetBoolean()));
        var only = Assert.Single(doc.GetProperty("risks").EnumerateArray());
        Assert.Equal(("DB-1", 18), (only.GetProperty("assetCode").GetString(), only.GetProperty("score").GetInt32()));

        var table = await RunAsync(["risk", "list", .. Api]);
        Assert.Contains("관리자 MFA 없음", table.Out, StringComparison.Ordinal);
        Assert.Contains("화면보호기 미설정", table.Out, StringComparison.Ordinal);
        Assert.Contains("2026: 2 risk(s), acceptable level (DoA) 8 (not approved)", table.Out, StringComparison.Ordinal);

        var missing = await RunAsync(["risk", "list", "--year", "2019", .. Api]);
        Assert.Equal((1, "There is no risk assessment for 2019."), (missing.ExitCode, missing.Err.Trim()));
    }

    [Fact]
    public async Task Without_a_server_or_token_it_is_a_usage_error()
    {
        Assert.Equal(2, (await RunAsync("risk", "list", "--org", server.Org.ToString(), "--token", "x")).ExitCode);
        var noToken = await RunAsync("asset", "export", "--server", server.BaseAddress.ToString(), "--org", server.Org.ToString());
        if (Environment.GetEnvironmentVariable("JIKIMI_TOKEN") is null)
        {
            Assert.Equal(2, noToken.ExitCode);
            Assert.Contains("API token", noToken.Err, StringComparison.Ordinal);
        }

        var wrongToken = await RunAsync("asset", "export", "--server", server.BaseAddress.ToString(), "--org", server.Org.ToString(), "--token", "jk_wrong");
        Assert.Equal(1, wrongToken.ExitCode);
        Assert.Contains("HTTP 401", wrongToken.Err, StringComparison.Ordinal);
    }
}
