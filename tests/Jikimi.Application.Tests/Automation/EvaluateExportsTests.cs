using Jikimi.Application.Automation;
using Jikimi.Application.Data;
using Jikimi.Domain.Automation;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.Automation;

/// <summary>Raw exports evaluated on the server with the built-in rules, recorded on both providers.</summary>
public class EvaluateExportsTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    // Shaped like `aws iam get-account-password-policy` and `aws ec2 describe-security-groups`.
    private const string WeakPolicy = """{"PasswordPolicy":{"MinimumPasswordLength":6,"RequireSymbols":false,"RequireNumbers":true,"RequireUppercaseCharacters":false,"RequireLowercaseCharacters":true,"AllowUsersToChangePassword":true,"ExpirePasswords":false}}""";
    private const string OpenSsh = """{"SecurityGroups":[{"GroupId":"sg-0a1b2c3d","GroupName":"web","VpcId":"vpc-1","IpPermissions":[{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"IpRanges":[{"CidrIp":"0.0.0.0/0"}]}],"IpPermissionsEgress":[]}]}""";

    private static async Task<ExportStaging> Stage(params (string Name, string Text)[] files)
    {
        var staging = new ExportStaging();
        foreach (var (name, text) in files)
        {
            Assert.Null(await staging.AddAsync(name, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), default));
        }

        return staging;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Exports_are_evaluated_and_recorded_as_a_checks_run_with_suggestions(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        using var staging = await Stage(("iam-get-account-password-policy.json", WeakPolicy), ("ec2-describe-security-groups.json", OpenSsh));
        var r = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<EvaluateExports>().Handle(org, a.Id, staging, "prod account", default)));
        Assert.Equal((AutomatedSources.Checks, "prod account"), (r.Run.Source, r.Run.Label));
        Assert.Equal(["ec2-describe-security-groups.json", "iam-get-account-password-policy.json"], r.Run.Inputs.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.All(r.Run.Inputs, i => Assert.Equal(64, i.Sha256.Length));
        Assert.Contains("2.5.4", r.ControlsLinked);
        Assert.Contains("2.6.1", r.ControlsLinked);
        Assert.True(r.Run.Counts.Fail >= 2, $"{r.Run.Counts}");
        Assert.True(r.Suggestions >= 1);
        Assert.StartsWith("jikimi-rules-builtin-", r.Run.RuleSetVersion, StringComparison.Ordinal);

        var detail = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetAutomatedRun>().Handle(org, a.Id, r.Run.Id, "fail", null, null, default)));
        Assert.Contains(detail.Results, x => x.RuleId == "JK-AWS-EC2-001" && x.ResourceId!.Contains("sg-0a1b2c3d", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_truncated_or_unknown_export_is_refused_by_name_and_nothing_is_stored(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        using (var cut = await Stage(("iam-get-account-password-policy.json", WeakPolicy), ("ec2-describe-security-groups.json", OpenSsh[..60])))
        {
            var e = Fails<RecordedRunView, AutomatedFileUnreadable>(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<EvaluateExports>().Handle(org, a.Id, cut, null, default)));
            Assert.Equal("ec2-describe-security-groups.json", e.File);
        }

        using (var unknown = await Stage(("notes.json", """{"hello":"world"}""")))
        {
            var e = Fails<RecordedRunView, AutomatedFileUnreadable>(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<EvaluateExports>().Handle(org, a.Id, unknown, null, default)));
            Assert.Equal("notes.json", e.File);
        }

        var viewer = await app.AddMemberAsync(org, await app.CreateUserAsync("viewer@a.kr", "뷰어"), Domain.Organizations.Role.Viewer);
        using (var fine = await Stage(("ec2-describe-security-groups.json", OpenSsh)))
        {
            Fails<RecordedRunView, Domain.Common.Forbidden>(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<EvaluateExports>().Handle(viewer, a.Id, fine, null, default)));
        }

        Assert.Equal(0, await app.Run(org.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().AutomatedRuns.CountAsync()));
        Assert.Equal(0, await app.Run(org.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().Evidence.CountAsync()));
    }

    [Fact]
    public async Task Staging_refuses_an_upload_past_its_limit()
    {
        using var staging = new ExportStaging(maxTotalBytes: 100);
        Assert.Null(await staging.AddAsync("a.json", new MemoryStream(new byte[60]), default));
        Assert.Equal("input.too_large", (await staging.AddAsync("b.json", new MemoryStream(new byte[60]), default))?.Code);
        Assert.Single(staging.Paths);
    }
}
