using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Jikimi.Cli.Tests.Pii;
using Jikimi.TestSupport;

namespace Jikimi.Cli.Tests.Checks;

/// <summary>`checks run --upload-to`: the run is recorded on the assessment through the API (source checks), and the
/// server also evaluates the raw exports itself (?source=exports) with the same engine.</summary>
public sealed class ChecksUploadTests(UploadServer server) : IClassFixture<UploadServer>, IDisposable
{
    private const string OpenSsh = """{"SecurityGroups":[{"GroupId":"sg-0a1b2c3d","GroupName":"web","VpcId":"vpc-1","IpPermissions":[{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"IpRanges":[{"CidrIp":"0.0.0.0/0"}]}],"IpPermissionsEgress":[]}]}""";
    private readonly CliRunner _cli = new();
    private readonly TempDir _dir = new();

    public void Dispose()
    {
        _cli.Dispose();
        _dir.Dispose();
    }

    private Task<CliResult> RunAsync(params string[] args) => Task.Run(() => _cli.Run(["--lang", "en", "checks", "run", .. args]));

    private string[] Upload(string token) => ["--upload-to", server.BaseAddress.ToString(), "--org", server.Org.ToString(), "--token", token];

    [Fact]
    public async Task The_run_is_recorded_on_the_newest_assessment_and_the_output_still_prints()
    {
        File.WriteAllText(_dir.File("ec2-describe-security-groups.json"), OpenSsh);
        var r = await RunAsync([_dir.Path, "--format", "json", .. Upload(server.Token)]);
        Assert.True(r.ExitCode == 0, r.Err);
        var id = Regex.Match(r.Err, "recorded run ([0-9a-f-]{36}): [1-9][0-9]* controls").Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.Contains("\"results\"", r.Out, StringComparison.Ordinal); // stdout stays the JSON of the run
        Assert.DoesNotContain(server.Token, r.Out + r.Err, StringComparison.Ordinal);

        using var c = server.Client(server.Token);
        var run = await UploadServer.Ok(c.GetAsync($"/api/v1/orgs/{server.Org}/assessments/{server.Assessment}/automated-runs/{id}?status=fail"), HttpStatusCode.OK);
        var failing = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(failing, x => x.GetProperty("ruleId").GetString() == "JK-AWS-EC2-001" && x.GetProperty("resourceId").GetString()!.Contains("sg-0a1b2c3d", StringComparison.Ordinal));

        // The same results again are the same run (the CLI says so and exits 0).
        var again = await RunAsync([_dir.Path, "--assessment", server.Assessment.ToString(), .. Upload(server.Token)]);
        Assert.True(again.ExitCode == 0, again.Err);
    }

    [Fact]
    public async Task The_server_evaluates_raw_exports_with_the_same_engine()
    {
        using var c = server.Client(server.Token);
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent("""{"PasswordPolicy":{"MinimumPasswordLength":6,"RequireSymbols":false,"RequireNumbers":true,"RequireUppercaseCharacters":false,"RequireLowercaseCharacters":true,"AllowUsersToChangePassword":true,"ExpirePasswords":false}}"""u8.ToArray());
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(part, "file", "iam-get-account-password-policy.json");
        var sg = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(OpenSsh));
        form.Add(sg, "file", "ec2-describe-security-groups.json");
        var posted = await UploadServer.Ok(c.PostAsync($"/api/v1/orgs/{server.Org}/assessments/{server.Assessment}/automated-runs?source=exports&label=prod", form), HttpStatusCode.Created);
        Assert.Equal("checks", posted.GetProperty("run").GetProperty("source").GetString());
        Assert.Equal(2, posted.GetProperty("run").GetProperty("inputs").GetArrayLength());
        var linked = posted.GetProperty("controlsLinked").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("2.5.4", linked); // the password policy rules
        Assert.Contains("2.6.1", linked); // the open security group

        // A truncated export is refused with its name; nothing is recorded.
        var before = (await UploadServer.Ok(c.GetAsync($"/api/v1/orgs/{server.Org}/assessments/{server.Assessment}/automated-runs"), HttpStatusCode.OK)).GetArrayLength();
        using var bad = new MultipartFormDataContent { { new ByteArrayContent("""{"SecurityGroups":[{"GroupId":"sg-1","""u8.ToArray()), "file", "ec2-describe-security-groups.json" } };
        using var refused = await c.PostAsync($"/api/v1/orgs/{server.Org}/assessments/{server.Assessment}/automated-runs?source=exports", bad);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("automation.unreadable", problem, StringComparison.Ordinal);
        Assert.Contains("ec2-describe-security-groups.json", problem, StringComparison.Ordinal);
        Assert.Equal(before, (await UploadServer.Ok(c.GetAsync($"/api/v1/orgs/{server.Org}/assessments/{server.Assessment}/automated-runs"), HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task Upload_options_without_an_org_are_a_usage_error_before_reading()
    {
        var r = await RunAsync([_dir.File("does-not-exist.json"), "--upload-to", server.BaseAddress.ToString(), "--token", "x"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--org", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_token_prints_the_problem_and_exits_1()
    {
        File.WriteAllText(_dir.File("ec2-describe-security-groups.json"), OpenSsh);
        var r = await RunAsync([_dir.Path, .. Upload("jk_not-a-real-token")]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("HTTP 401", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("jk_not-a-real-token", r.Out + r.Err, StringComparison.Ordinal);
    }
}
