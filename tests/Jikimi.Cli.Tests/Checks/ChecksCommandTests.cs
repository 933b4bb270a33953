using System.Text.Json;

namespace Jikimi.Cli.Tests.Checks;

public sealed class ChecksCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jikimi-checks-cli-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = await JikimiCli.RunAsync(args, CliContext.ForWriters(o, e, Path.GetTempPath()));
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public async Task Collect_host_runs_for_real_on_this_machine_and_its_facts_are_evaluated()
    {
        Assert.True(OperatingSystem.IsLinux(), "the test machine is Linux; collect host runs there only");
        var facts = Path.Combine(dir, "facts.json");
        var (code, _, err) = await Run("collect", "host", "--out", facts, "--lang", "en");
        Assert.True(code == 0, err);
        using (var doc = JsonDocument.Parse(File.ReadAllBytes(facts)))
        {
            Assert.Equal("jikimi.host-facts", doc.RootElement.GetProperty("kind").GetString());
            Assert.Equal("0644", doc.RootElement.GetProperty("files").GetProperty("/etc/passwd").GetProperty("mode").GetString());
            Assert.True(doc.RootElement.GetProperty("accounts").GetProperty("uid0Count").GetInt32() >= 1);
        }

        var json = Path.Combine(dir, "run.json");
        (code, _, err) = await Run("checks", "run", facts, "--format", "json", "--out", json);
        Assert.True(code == 0, err);
        using var run = JsonDocument.Parse(File.ReadAllBytes(json));
        var results = run.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.True(results.Count >= 60, $"{results.Count} results");
        Assert.All(results, r => Assert.Equal("host.linux", r.GetProperty("resourceType").GetString()));
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "JK-HOST-U-07" && r.GetProperty("status").GetString() == "pass");
        Assert.DoesNotContain(results, r => r.GetProperty("status").GetString() == "error");
        Assert.Equal(64, run.RootElement.GetProperty("inputs")[0].GetProperty("sha256").GetString()!.Length);
    }

    [Fact]
    public async Task Fail_on_gates_and_sarif_and_ocsf_carry_the_isms_p_ids()
    {
        var sg = Path.Combine(dir, "ec2-describe-security-groups.json");
        File.WriteAllText(sg, """{"SecurityGroups":[{"GroupId":"sg-1","GroupName":"web","IpPermissions":[{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"IpRanges":[{"CidrIp":"0.0.0.0/0"}]}],"IpPermissionsEgress":[]}]}""");
        var (code, _, err) = await Run("checks", "run", sg, "--fail-on", "high", "--lang", "en");
        Assert.Equal(1, code);
        Assert.Contains("--fail-on high", err, StringComparison.Ordinal);

        var sarif = Path.Combine(dir, "out.sarif");
        (code, _, _) = await Run("checks", "run", sg, "--format", "sarif", "--out", sarif);
        Assert.Equal(0, code);
        using (var doc = JsonDocument.Parse(File.ReadAllBytes(sarif)))
        {
            Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
            var result = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "JK-AWS-EC2-001");
            Assert.Equal("error", result.GetProperty("level").GetString());
        }

        var ocsf = Path.Combine(dir, "out.ocsf.json");
        (code, _, _) = await Run("checks", "run", sg, "--format", "ocsf", "--out", ocsf);
        Assert.Equal(0, code);
        using (var doc = JsonDocument.Parse(File.ReadAllBytes(ocsf)))
        {
            var f = doc.RootElement.EnumerateArray().Single(x => x.GetProperty("metadata").GetProperty("event_code").GetString() == "JK-AWS-EC2-001");
            Assert.Equal(2004, f.GetProperty("class_uid").GetInt32());
            Assert.Equal("FAIL", f.GetProperty("status_code").GetString());
            Assert.Contains(f.GetProperty("unmapped").GetProperty("compliance").GetProperty("KISA-ISMS-P-2023").EnumerateArray(), x => x.GetString() == "2.6.6");
        }
    }

    [Fact]
    public async Task Csv_into_a_file_streams_every_result_and_still_gates_and_writes_nothing_on_a_bad_input()
    {
        var sg = Path.Combine(dir, "ec2-describe-security-groups.json");
        File.WriteAllText(sg, """{"SecurityGroups":[{"GroupId":"sg-1","GroupName":"web","IpPermissions":[{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"IpRanges":[{"CidrIp":"0.0.0.0/0"}]}],"IpPermissionsEgress":[]}]}""");
        var csv = Path.Combine(dir, "out.csv");
        var (code, stdout, err) = await Run("checks", "run", sg, "--format", "csv", "--out", csv, "--fail-on", "high", "--lang", "en");
        Assert.Equal(1, code);
        Assert.Contains("--fail-on high", err, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        var lines = File.ReadAllLines(csv);
        Assert.StartsWith("rule_id,status,severity", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("JK-AWS-EC2-001,fail,", StringComparison.Ordinal));

        // The same rows as the whole-run CSV on standard output.
        (code, stdout, _) = await Run("checks", "run", sg, "--format", "csv");
        Assert.Equal(0, code);
        Assert.Equal(stdout.ReplaceLineEndings("\n").TrimEnd('\n'), string.Join("\n", lines));

        var bad = Path.Combine(dir, "cut.json");
        File.WriteAllText(bad, """{"DBInstances":[{"DBInstanceIdentifier":"a" """);
        var badCsv = Path.Combine(dir, "bad.csv");
        (code, _, err) = await Run("checks", "run", sg, bad, "--format", "csv", "--out", badCsv, "--lang", "en");
        Assert.Equal(1, code);
        Assert.Contains("cut.json", err, StringComparison.Ordinal);
        Assert.False(File.Exists(badCsv));
        Assert.Empty(Directory.GetFiles(dir, "bad.csv.tmp-*"));
    }

    [Fact]
    public async Task A_bad_input_writes_nothing_and_names_the_file()
    {
        var bad = Path.Combine(dir, "cut.json");
        File.WriteAllText(bad, """{"DBInstances":[{"DBInstanceIdentifier":"a" """);
        var outFile = Path.Combine(dir, "out.json");
        var (code, stdout, err) = await Run("checks", "run", bad, "--format", "json", "--out", outFile, "--lang", "en");
        Assert.Equal(1, code);
        Assert.Contains("cut.json", err, StringComparison.Ordinal);
        Assert.False(File.Exists(outFile));
        Assert.Empty(Directory.GetFiles(dir, "out.json.tmp-*"));
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task List_shows_every_builtin_rule()
    {
        var (code, stdout, _) = await Run("checks", "list", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.True(doc.RootElement.GetProperty("rules").GetArrayLength() >= 150);
    }
}
