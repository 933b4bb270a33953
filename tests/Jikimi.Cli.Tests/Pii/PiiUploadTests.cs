using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jikimi.TestSupport;
using Jikimi.Web;
using Microsoft.AspNetCore.Builder;

namespace Jikimi.Cli.Tests.Pii;

/// <summary>A real Jikimi server on a loopback port with an organization, a 2026 assessment and a compliance-manager API token.</summary>
public sealed partial class UploadServer : IAsyncLifetime
{
    private readonly TempDir _data = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;
    public Guid Org { get; private set; }
    public Guid Assessment { get; private set; }
    public string Token { get; private set; } = string.Empty;

    public HttpClient Client(string? bearer = null)
    {
        var c = new HttpClient { BaseAddress = BaseAddress };
        c.DefaultRequestHeaders.Authorization = bearer is null ? null : new AuthenticationHeaderValue("Bearer", bearer);
        return c;
    }

    public async Task InitializeAsync()
    {
        var setupToken = string.Empty;
        var options = new JikimiHostOptions
        {
            Args = ["--urls=http://127.0.0.1:0", "--RateLimit:AuthPerMinute=10000"],
            DataDirectory = _data.Path,
            Announce = text => setupToken = SetupTokenPattern().Match(text).Value,
        };
        _app = HostSetup.Build(options);
        await HostSetup.InitializeAsync(_app, options);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());

        using var anon = Client();
        await Ok(anon.PostAsJsonAsync("/api/v1/setup", new { setupToken, email = "ciso@a.kr", displayName = "김보안", password = "Strong-pass-2026" }), HttpStatusCode.OK);
        var session = (await Ok(anon.PostAsJsonAsync("/api/v1/auth/login", new { email = "ciso@a.kr", password = "Strong-pass-2026" }), HttpStatusCode.OK)).GetProperty("token").GetString();
        using var admin = Client(session);
        Org = (await Ok(admin.PostAsJsonAsync("/api/v1/orgs", new { name = "예시 주식회사" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assessment = (await Ok(admin.PostAsJsonAsync($"/api/v1/orgs/{Org}/assessments", new { year = 2026, edition = "2023", certification = "isms-p" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Token = (await Ok(admin.PostAsJsonAsync($"/api/v1/orgs/{Org}/api-tokens", new { name = "ci", role = "compliance-manager" }), HttpStatusCode.Created)).GetProperty("token").GetString()!;
    }

    public static async Task<JsonElement> Ok(Task<HttpResponseMessage> request, HttpStatusCode expected)
    {
        using var r = await request;
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{r.RequestMessage?.RequestUri}: {(int)r.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    [GeneratedRegex("setup-[0-9a-f]+")]
    private static partial Regex SetupTokenPattern();
}

/// <summary>`pii scan --upload-to`: the summary becomes evidence on a control, with masked values only.</summary>
public sealed class PiiUploadTests(UploadServer server) : IClassFixture<UploadServer>, IDisposable
{
    private const string RawRrn = "960121-1021413";
    private readonly CliRunner _cli = new();
    private readonly TempDir _dir = new();

    public void Dispose()
    {
        _cli.Dispose();
        _dir.Dispose();
    }

    // The CLI blocks on its own async work: keep it off xunit's synchronization context.
    private Task<CliResult> RunAsync(params string[] args) => Task.Run(() => _cli.Run(["--lang", "en", "pii", "scan", .. args]));

    private string[] Upload(string token) => ["--upload-to", server.BaseAddress.ToString(), "--org", server.Org.ToString(), "--control", "3.1.3", "--token", token];

    [Fact]
    public async Task The_summary_is_attached_to_the_control_with_masked_values_only()
    {
        File.WriteAllText(_dir.File("customers.csv"), $"이름,주민등록번호\n홍길동,{RawRrn}\n");
        var r = await RunAsync([_dir.Path, .. Upload(server.Token)]);
        Assert.True(r.ExitCode == 0, r.Err);
        var id = Assert.Single(Regex.Matches(r.Err, "uploaded evidence ([0-9a-f-]{36}) to control 3.1.3")).Groups[1].Value;
        Assert.Contains("Scanned 1 files/tables", r.Out, StringComparison.Ordinal); // the normal summary still prints
        Assert.DoesNotContain(server.Token, r.Out + r.Err, StringComparison.Ordinal);

        using var c = server.Client(server.Token);
        var control = await UploadServer.Ok(c.GetAsync($"/api/v1/orgs/{server.Org}/assessments/{server.Assessment}/controls/3.1.3"), HttpStatusCode.OK);
        var linked = Assert.Single(control.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("evidenceId").GetString() == id);
        Assert.StartsWith("개인정보 검출 결과 (PII scan) ", linked.GetProperty("title").GetString(), StringComparison.Ordinal);

        var evidence = await UploadServer.Ok(c.GetAsync($"/api/v1/orgs/{server.Org}/evidence/{id}"), HttpStatusCode.OK);
        Assert.Equal(30, evidence.GetProperty("refreshIntervalDays").GetInt32());
        Assert.Matches(@"^pii-scan-\d{8}-\d{6}\.json$", evidence.GetProperty("versions")[0].GetProperty("fileName").GetString());

        var file = await c.GetStringAsync($"/api/v1/orgs/{server.Org}/evidence/{id}/download");
        Assert.DoesNotContain(RawRrn, file, StringComparison.Ordinal);
        Assert.DoesNotContain("9601211021413", file, StringComparison.Ordinal);
        var j = JsonDocument.Parse(file).RootElement;
        Assert.Equal([_dir.Path], j.GetProperty("paths").EnumerateArray().Select(p => p.GetString()));
        var finding = Assert.Single(j.GetProperty("findings").EnumerateArray());
        Assert.Equal("960121-1******", finding.GetProperty("masked").GetString());
        Assert.Equal("KR_RRN", finding.GetProperty("type").GetString());
        Assert.Equal(1, j.GetProperty("summary").GetProperty("files").GetInt32());
    }

    [Fact]
    public async Task The_summary_becomes_a_pii_scan_run_whose_unique_identifiers_suggest_on_2_7_1()
    {
        File.WriteAllText(_dir.File("members.csv"), $"이름,주민등록번호,연락처\n홍길동,{RawRrn},010-2345-6789\n");
        var r = await RunAsync([_dir.Path, "--upload-to", server.BaseAddress.ToString(), "--org", server.Org.ToString(), "--token", server.Token, "--assessment", server.Assessment.ToString()]);
        Assert.True(r.ExitCode == 0, r.Err);
        var runId = Regex.Match(r.Err, "recorded run ([0-9a-f-]{36})").Groups[1].Value;
        Assert.NotEmpty(runId);

        using var c = server.Client(server.Token);
        var run = await UploadServer.Ok(c.GetAsync($"/api/v1/orgs/{server.Org}/assessments/{server.Assessment}/automated-runs/{runId}"), HttpStatusCode.OK);
        Assert.Equal("pii_scan", run.GetProperty("run").GetProperty("source").GetString());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var rrn = Assert.Single(results, x => x.GetProperty("ruleId").GetString() == "PII-KR_RRN");
        Assert.Equal("fail", rrn.GetProperty("status").GetString());
        Assert.Contains("960121-1******", rrn.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("2.7.1", rrn.GetProperty("controls")[0].GetProperty("controlId").GetString());
        var phone = Assert.Single(results, x => x.GetProperty("ruleId").GetString() == "PII-PHONE");
        Assert.Equal("manual", phone.GetProperty("status").GetString());
        Assert.DoesNotContain(RawRrn, run.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("010-2345-6789", run.ToString(), StringComparison.Ordinal);

        var suggestions = await UploadServer.Ok(c.GetAsync($"/api/v1/orgs/{server.Org}/assessments/{server.Assessment}/suggestions"), HttpStatusCode.OK);
        Assert.Contains(suggestions.EnumerateArray(), s => s.GetProperty("runId").GetString() == runId && s.GetProperty("checkItemId").GetString() == "2.7.1-2");
        Assert.DoesNotContain(suggestions.EnumerateArray(), s => s.GetProperty("runId").GetString() == runId && s.GetProperty("checkItemId").GetString()!.StartsWith("3.2.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_fail_on_gate_still_fails_after_a_successful_upload()
    {
        File.WriteAllText(_dir.File("a.txt"), $"주민번호 {RawRrn}\n");
        var r = await RunAsync([_dir.Path, "--fail-on", "high", "--format", "json", "--assessment", server.Assessment.ToString(), .. Upload(server.Token)]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("uploaded evidence", r.Err, StringComparison.Ordinal);
        Assert.Contains("--fail-on high", r.Err, StringComparison.Ordinal);
        JsonDocument.Parse(r.Out); // stdout stays the JSON report
    }

    [Fact]
    public async Task Missing_org_is_a_usage_error_before_scanning()
    {
        var r = await RunAsync([_dir.File("does-not-exist"), "--upload-to", server.BaseAddress.ToString(), "--control", "3.1.3", "--token", "x"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--org", r.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.Out);
    }

    [Fact]
    public async Task A_wrong_token_prints_the_problem_code_and_exits_1()
    {
        File.WriteAllText(_dir.File("a.txt"), "nothing here\n");
        var r = await RunAsync([_dir.Path, .. Upload("jk_not-a-real-token")]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("HTTP 401", r.Err, StringComparison.Ordinal);
        Assert.Contains("auth.required", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("jk_not-a-real-token", r.Out + r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_exits_1_with_a_clear_message()
    {
        File.WriteAllText(_dir.File("a.txt"), "nothing here\n");
        var r = await RunAsync([_dir.Path, "--upload-to", "http://127.0.0.1:1", "--org", server.Org.ToString(), "--control", "3.1.3", "--token", "x"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("could not reach http://127.0.0.1:1/", r.Err, StringComparison.Ordinal);
    }
}
