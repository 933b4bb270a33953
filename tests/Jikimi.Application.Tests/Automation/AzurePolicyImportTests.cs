using System.Text;
using Jikimi.Application.Automation;
using Jikimi.Application.Automation.AzurePolicy;
using Jikimi.Application.Data;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Automation;
using Jikimi.Domain.Common;
using Jikimi.TestSupport;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.Automation;

/// <summary>Issue 18 item 5: the K ISMS P 2023 initiative's compliance states as automated evidence through Microsoft's group map.</summary>
public class AzurePolicyImportTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly Edition Main = CriteriaCatalog.Embedded[EditionId.IsmsP2023];

    private static byte[] Fixture(string name) => File.ReadAllBytes(RepoPaths.TestData("azure-policy", name));

    private static Task<Result<AzurePolicyImportReport>> Import(AppHarness app, Jikimi.Application.Common.OrgAccess who, Guid assessment, byte[] content, string name = "states.json") =>
        app.Run(who.OrganizationId, sp => sp.GetRequiredService<ImportAzurePolicy>().Handle(who, assessment, new MemoryStream(content), name, default));

    [Fact]
    public void The_shipped_map_is_microsofts_initiative()
    {
        var map = AzurePolicyMap.K2023;
        Assert.Equal(("e0782c37-30da-4a78-9f92-50bfe7aa2553", "K ISMS P 2023", "1.7.0"), (map.InitiativeId, map.DisplayName, map.Version));
        Assert.Equal(368, map.Policies);
        Assert.Equal(["2.5.1", "2.5.5", "2.7.2", "2.10.1", "2.10.2"], map.Find("/providers/Microsoft.Authorization/policyDefinitions/12d4fa5e-1f9f-4c21-97a9-b99b3c6611b5")!.Groups);
    }

    [Theory]
    [InlineData("K_ISMS_P_2023_2.5.1", "2.5.1", null)]
    [InlineData("K_ISMS_P_2023_2.7.1b", "2.7.1", null)]
    [InlineData("2.9.2a", "2.9.2", null)]
    [InlineData("K_ISMS_P_2023_2.5", null, AzurePolicyUnmapped.DomainGroup)]
    [InlineData("K_ISMS_P_2023_3.0", null, AzurePolicyUnmapped.DomainGroup)]
    [InlineData("K_ISMS_P_2023_3.4.3", null, AzurePolicyUnmapped.NotIn2023)]
    public void Group_names_resolve_to_2023_controls_or_say_why_not(string group, string? control, string? reason)
    {
        var (c, why) = AzurePolicyMap.Resolve(group, Main);
        Assert.Equal((control, reason), (c?.Id, why));
    }

    [Fact]
    public void The_policy_states_file_is_counted_like_prowlers()
    {
        var r = AzurePolicyReader.Parse(Fixture("az-policy-states.json"), "states.json", Main, AzurePolicyMap.K2023);
        Assert.Null(r.Error);
        var set = r.Value;
        Assert.Equal(("policy-states", 7, 5, 2), (set.Format, set.Found, set.Mapped.Count, set.Unmapped));
        Assert.Equal(
            [(AzurePolicyUnmapped.DomainGroup, "K_ISMS_P_2023_2.5"), (AzurePolicyUnmapped.NotIn2023, "K_ISMS_P_2023_3.4.3"), (AzurePolicyUnmapped.OtherInitiative, "azure-policy:0a15ec92-a229-4763-bb14-0ea34a568f8d")],
            set.UnmappedBy.Select(u => (u.Reason, u.Group)));
        var split = set.Mapped.Single(m => m.State.RuleId.EndsWith("3657f5a0-770e-44a3-b44e-9431ba1e9735", StringComparison.Ordinal));
        Assert.Equal(["2.7.1", "2.10.1", "2.10.2"], split.Controls); // 2.7.1b → 2.7.1; 3.4.3 dropped (and reported)
        var noGroups = set.Mapped.Single(m => m.State.RuleId.EndsWith("ac4a19c2-fa67-49b4-8ae5-0b2e78c49457", StringComparison.Ordinal));
        Assert.Equal(["2.5.1", "2.5.5", "2.10.1", "2.10.2"], noGroups.Controls); // no group names in the file: the map's groups
        Assert.Equal("Role-Based Access Control (RBAC) should be used on Kubernetes Services", noGroups.State.Title);
        Assert.Equal(["fail", "not_applicable", "pass"], set.Mapped.Select(m => m.State.Status).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Defenders_regulatory_compliance_export_is_read_too()
    {
        var r = AzurePolicyReader.Parse(Fixture("defender-regulatory-controls.json"), "defender.json", Main, AzurePolicyMap.K2023);
        Assert.Null(r.Error);
        Assert.Equal(("defender", 4, 3), (r.Value.Format, r.Value.Found, r.Value.Mapped.Count));
        Assert.Equal([("2.5.1", "fail"), ("2.9.2", "pass"), ("2.6.1", "not_applicable")], r.Value.Mapped.Select(m => (m.Controls.Single(), m.State.Status)));
        Assert.Equal((AzurePolicyUnmapped.DomainGroup, "2.0"), (r.Value.UnmappedBy.Single().Reason, r.Value.UnmappedBy.Single().Group));
    }

    [Theory]
    [InlineData("{\"broken\": ", "line 1", "not valid JSON")]
    [InlineData("{\"a\": 1}", "$", "expected a JSON array")]
    [InlineData("[1]", "$[0]", "is not an object")]
    [InlineData("[{\"resourceId\": \"x\"}]", "$[0]", "neither complianceState")]
    [InlineData("{\"value\": [{\"complianceState\": \"Compliant\", \"policyDefinitionId\": \"x\"}, {\"complianceState\": \"Maybe\"}]}", "$.value[1].complianceState", "'Maybe' is not Compliant")]
    [InlineData("[{\"complianceState\": \"NonCompliant\"}]", "$[0].policyDefinitionId", "is missing")]
    [InlineData("[{\"state\": \"Done\", \"id\": \"x\"}]", "$[0].state", "'Done' is not Passed")]
    public void Bad_files_say_what_is_wrong_and_where(string content, string place, string problem)
    {
        var r = AzurePolicyReader.Parse(Encoding.UTF8.GetBytes(content), "states.json", Main, AzurePolicyMap.K2023);
        Assert.Equal(Jikimi.Input.InputError.MalformedCode, r.Error?.Code);
        Assert.Contains(place, r.Error!.Message, StringComparison.Ordinal);
        Assert.Contains(problem, r.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task States_become_a_run_whose_failures_only_suggest(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var r = Ok(await Import(app, org, a.Id, Fixture("az-policy-states.json")));
        Assert.Equal(AutomatedSources.AzurePolicy, r.Recorded.Run.Source);
        Assert.Equal("azure 3f2b6c1e-7a41-4d5e-9c0a-2b8e61d4f7a9", r.Recorded.Run.Label);
        Assert.Equal((2, 2, 1), (r.Recorded.Run.Counts.Pass, r.Recorded.Run.Counts.Fail, r.Recorded.Run.Counts.NotApplicable));
        Assert.Equal(["2.5.1", "2.5.2", "2.5.5", "2.7.1", "2.7.2", "2.10.1", "2.10.2"], r.Recorded.ControlsLinked);
        Assert.Equal((7, 5, 2), (r.Counts.Found, r.Counts.Mapped, r.Counts.Unmapped));
        int Items(string c) => Math.Max(Main.Find(c)!.CheckItems.Count, Main.Find(c)!.CheckItemCount);
        Assert.Equal(new[] { "2.5.1", "2.5.5", "2.7.1", "2.7.2", "2.10.1", "2.10.2" }.Sum(Items), r.Recorded.Suggestions);

        var suggestions = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListSuggestions>().Handle(org, a.Id, default)));
        Assert.All(suggestions, s => Assert.Equal(("pending", AutomatedSources.AzurePolicy), (s.State, s.Source)));
        Assert.All(suggestions.Where(s => s.ControlId == "2.7.2"), s => Assert.Equal("not-fulfilled", s.Suggested));
        Assert.All(suggestions.Where(s => s.ControlId == "2.10.1"), s => Assert.Equal("partial", s.Suggested)); // fails and passes
        Assert.DoesNotContain(suggestions, s => s.ControlId == "2.5.2"); // compliant and exempt only

        // Never a recorded result: every check item is still unassessed.
        var recorded = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().CheckItemAssessments.AsNoTracking().CountAsync(i => i.Result != Jikimi.Domain.Assessments.CheckResult.Unassessed));
        Assert.Equal(0, recorded);

        var again = Ok(await Import(app, org, a.Id, Fixture("az-policy-states.json")));
        Assert.True(again.Recorded.AlreadyRecorded);
        Assert.Equal(r.Recorded.Run.Id, again.Recorded.Run.Id);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_file_that_maps_to_nothing_stores_nothing(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var onlyGroups = "[{\"complianceState\": \"NonCompliant\", \"policyDefinitionId\": \"/providers/microsoft.authorization/policydefinitions/00000000-0000-0000-0000-000000000001\", \"policyDefinitionGroupNames\": [\"K_ISMS_P_2023_3.4.3\"], \"resourceId\": \"/subscriptions/s1/resourcegroups/rg/providers/microsoft.web/sites/app\"}]";
        var r = await Import(app, org, a.Id, Encoding.UTF8.GetBytes(onlyGroups));
        var refused = Assert.IsType<AzurePolicyNothingMapped>(r.Error);
        Assert.Equal((1, 0), (refused.Counts.Found, refused.Counts.Mapped));
        Assert.Contains("3.4.3", refused.Message, StringComparison.Ordinal);

        var cp949 = Import(app, org, a.Id, [.. "[{\"complianceState\": \"Compliant\", \"resourceId\": \""u8.ToArray(), 0xB1, 0xE8, .. "\"}]"u8.ToArray()]);
        Assert.Equal(Jikimi.Input.InputError.EncodingCode, (await cp949).Error?.Code);
        Assert.Equal(0, await app.Run(org.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().AutomatedRuns.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_auditor_cannot_import(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var auditor = await app.AddMemberAsync(org, await app.CreateUserAsync("au@a.kr", "Auditor"), Jikimi.Domain.Organizations.Role.Auditor);
        var r = await Import(app, auditor, a.Id, Fixture("az-policy-states.json"));
        Assert.IsType<Forbidden>(r.Error);
    }
}
