using Jikimi.Application.Assessments;
using Jikimi.Application.Data;
using Jikimi.Application.Readiness;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.Assessments;

public class AssessmentTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Isms_p_assessment_has_101_controls_and_328_check_items_isms_80_and_237(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        Assert.Equal((101, 328), (a.Controls, a.CheckItems));
        var isms = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateAssessment>().Handle(org, new CreateAssessmentRequest(2025, "2023", "isms", null, null), default)));
        Assert.Equal((80, 237), (isms.Controls, isms.CheckItems));
        var again = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateAssessment>().Handle(org, new CreateAssessmentRequest(2026, "2023", null, null, null), default));
        Fails<AssessmentView, AssessmentExists>(again);
        // The simplified sets carry their check items (issue 19), so a small company can run a whole assessment on them.
        var simplified = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateAssessment>().Handle(org, new CreateAssessmentRequest(2024, "7-2", null, null, null), default)));
        Assert.Equal((62, 232), (simplified.Controls, simplified.CheckItems));
        var simplifiedIsms = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateAssessment>().Handle(org, new CreateAssessmentRequest(2024, "7-3", "isms", null, null), default)));
        Assert.Equal((44, 222 - 91), (simplifiedIsms.Controls, simplifiedIsms.CheckItems));
        var legacy = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateAssessment>().Handle(org, new CreateAssessmentRequest(2024, "2018", null, null, null), default));
        Fails<AssessmentView, EditionWithoutCheckItems>(legacy);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Not_applicable_needs_a_reason(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var r = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<RecordCheckItem>().Handle(org, a.Id, "2.5.4-1", new RecordCheckItemRequest("not-applicable", " ", null, 0), default));
        Fails<CheckItemView, NotApplicableNeedsReason>(r);
        var ok = await Record(app, org, a.Id, "2.5.4-1", "not-applicable", "No local accounts: all sign-in is SSO");
        Assert.Equal("not-applicable", ok.Result);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Readiness_rolls_up_check_items_per_control_subdomain_domain_and_overall(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        // 1.1.1 (2 items) fulfilled; 1.1.2: one fulfilled, one partial; 1.1.3: one not fulfilled; 2.5.4-1 N/A.
        await Record(app, org, a.Id, "1.1.1-1", "fulfilled");
        await Record(app, org, a.Id, "1.1.1-2", "fulfilled");
        await Record(app, org, a.Id, "1.1.2-1", "fulfilled");
        await Record(app, org, a.Id, "1.1.2-2", "partial");
        await Record(app, org, a.Id, "1.1.3-1", "not-fulfilled");
        await Record(app, org, a.Id, "2.5.4-1", "not-applicable", "SSO only");
        await app.Run(org.OrganizationId, async sp =>
        {
            var c = Ok(await sp.GetRequiredService<GetControl>().Handle(org, a.Id, "3.1.6", default));
            return Ok(await sp.GetRequiredService<UpdateControl>().Handle(org, a.Id, "3.1.6", new UpdateControlRequest("done", false, "No CCTV", null, null, null, null, null, c.Control.Version), default));
        });

        var r = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetReadiness>().Handle(org, a.Id, true, default)));
        Assert.Equal(new ResultCounts(3, 1, 1, 1 + 8, 328 - 5 - 9), r.Overall);
        Assert.Equal(Math.Round(100.0 * 3.5 / (328 - 9), 1), r.Readiness);
        var sd11 = r.Subdomains.Single(s => s.Id == "1.1");
        Assert.Equal(new ResultCounts(3, 1, 1, 0, 12), sd11.Counts);
        Assert.Equal("관리체계 기반 마련", sd11.TitleKo);
        Assert.Equal(new ResultCounts(3, 1, 1, 0, 37), r.Domains.Single(d => d.Id == "1").Counts);
        Assert.Equal(8, r.Domains.Single(d => d.Id == "3").Counts.NotApplicable);
        Assert.Equal(21, r.Subdomains.Count);
        var controls = r.Controls!.ToDictionary(c => c.ControlId);
        Assert.Equal("fulfilled", controls["1.1.1"].Result);
        Assert.Equal("partial", controls["1.1.2"].Result);
        Assert.Equal("unassessed", controls["1.1.3"].Result);
        Assert.Equal("not-applicable", controls["3.1.6"].Result);
        Assert.Equal(75.0, controls["1.1.2"].Readiness);
        Assert.Equal(["1.1.1", "1.1.2"], r.Controls!.Take(2).Select(c => c.ControlId));
        Assert.Equal("2.10.1", r.Controls!.SkipWhile(c => c.ControlId != "2.9.7").Skip(1).First().ControlId);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Cached_readiness_sees_a_change_made_on_another_node(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        await using var other = app.SecondNode();
        var (org, a) = await OrgWithAssessmentAsync(app);
        Task<ReadinessView> Read(AppHarness node) => node.Run(org.OrganizationId, async sp => Ok(await sp.GetRequiredService<GetReadiness>().Handle(org, a.Id, false, default)));
        var first = await Read(app);
        Assert.Same(first, await Read(app)); // served from the cache
        await Record(other, org, a.Id, "2.2.1-1", "fulfilled");
        var after = await Read(app);
        Assert.Equal(first.Overall.Fulfilled + 1, after.Overall.Fulfilled);
        var list = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListControls>().Handle(org, a.Id, new ControlFilter(Subdomain: "2.2"), default)));
        Assert.Equal(1, list[0].Counts.Fulfilled);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Control_list_derives_results_and_filters(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        await Record(app, org, a.Id, "1.2.4-1", "not-fulfilled");
        await Record(app, org, a.Id, "1.2.4-2", "not-fulfilled");
        var list = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListControls>().Handle(org, a.Id, new ControlFilter(Result: "not-fulfilled"), default)));
        Assert.Equal("1.2.4", Assert.Single(list).ControlId);
        var sd = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListControls>().Handle(org, a.Id, new ControlFilter(Subdomain: "2.10"), default)));
        Assert.Equal(9, sd.Count);
        var bad = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListControls>().Handle(org, a.Id, new ControlFilter(Status: "finished"), default));
        Assert.Equal("validation.status", bad.Error!.Code);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Stale_version_is_a_conflict(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var first = await Record(app, org, a.Id, "2.6.1-1", "partial");
        var stale = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<RecordCheckItem>().Handle(org, a.Id, "2.6.1-1", new RecordCheckItemRequest("fulfilled", null, null, first.Version - 1), default));
        Fails<CheckItemView, ConcurrentEdit>(stale);
        var detail = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetControl>().Handle(org, a.Id, "2.6.1", default)));
        Assert.Equal("partial", detail.CheckItems[0].Result);
        var staleControl = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<UpdateControl>().Handle(org, a.Id, "2.6.1", new UpdateControlRequest("done", true, null, null, null, "x", null, null, detail.Control.Version + 5), default));
        Fails<ControlDetail, ConcurrentEdit>(staleControl);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task New_year_starts_from_last_year_resetting_what_the_user_chose(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, last) = await OrgWithAssessmentAsync(app);
        await Record(app, org, last.Id, "1.1.1-1", "fulfilled");
        await app.Run(org.OrganizationId, async sp =>
        {
            var c = Ok(await sp.GetRequiredService<GetControl>().Handle(org, last.Id, "1.1.1", default));
            return Ok(await sp.GetRequiredService<UpdateControl>().Handle(org, last.Id, "1.1.1", new UpdateControlRequest("done", true, null, org.Actor.UserId, new DateOnly(2026, 6, 30), "분기별 위원회 보고", "정책서 제4조", "회의록", c.Control.Version), default));
        });

        var keep = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateAssessment>().Handle(org, new CreateAssessmentRequest(2027, "2023", null, null, new StartFromOptions(last.Id, ResetResults: false, ResetStatus: false, ResetStatement: false)), default)));
        var kept = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetControl>().Handle(org, keep.Id, "1.1.1", default)));
        Assert.Equal(("fulfilled", "done", "분기별 위원회 보고", new DateOnly(2027, 6, 30)), (kept.CheckItems[0].Result, kept.Control.Status, kept.OperationStatus, kept.Control.DueDate!.Value));
        Assert.Equal(last.Id, keep.StartedFromId);

        var fresh = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateAssessment>().Handle(org, new CreateAssessmentRequest(2028, "2023", null, null, new StartFromOptions(keep.Id, ResetResults: true, ResetStatus: true, ResetStatement: true)), default)));
        var reset = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetControl>().Handle(org, fresh.Id, "1.1.1", default)));
        Assert.Equal(("unassessed", "to-do", (string?)null), (reset.CheckItems[0].Result, reset.Control.Status, reset.OperationStatus));
        Assert.Equal(org.Actor.UserId, reset.Control.OwnerUserId);
        Assert.Equal(328, fresh.CheckItems);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Roles_decide_who_may_change_results(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var viewer = await app.AddMemberAsync(org, await app.CreateUserAsync("v@a.kr", "Viewer"), Role.Viewer);
        var auditor = await app.AddMemberAsync(org, await app.CreateUserAsync("au@a.kr", "Auditor"), Role.Auditor);
        var owner = await app.AddMemberAsync(org, await app.CreateUserAsync("o@a.kr", "Owner"), Role.ControlOwner);
        foreach (var who in new[] { viewer, auditor, owner })
        {
            var r = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<RecordCheckItem>().Handle(who, a.Id, "2.1.1-1", new RecordCheckItemRequest("fulfilled", null, null, 0), default));
            Fails<CheckItemView, Forbidden>(r);
        }

        await app.Run(org.OrganizationId, async sp =>
        {
            var c = Ok(await sp.GetRequiredService<GetControl>().Handle(org, a.Id, "2.1.1", default));
            return Ok(await sp.GetRequiredService<UpdateControl>().Handle(org, a.Id, "2.1.1", new UpdateControlRequest("in-progress", true, null, owner.Actor.UserId, null, null, null, null, c.Control.Version), default));
        });
        Assert.Equal("fulfilled", (await Record(app, owner, a.Id, "2.1.1-1", "fulfilled")).Result);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Tenant_filter_hides_other_organizations(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (orgA, aA) = await OrgWithAssessmentAsync(app, "a@a.kr");
        var (orgB, aB) = await OrgWithAssessmentAsync(app, "b@b.kr");
        var cross = await app.Run(orgA.OrganizationId, sp => sp.GetRequiredService<GetControl>().Handle(orgA, aB.Id, "1.1.1", default));
        Fails<ControlDetail, NotFound>(cross);
        var crossWrite = await app.Run(orgA.OrganizationId, sp => sp.GetRequiredService<RecordCheckItem>().Handle(orgA, aB.Id, "1.1.1-1", new RecordCheckItemRequest("fulfilled", null, null, 0), default));
        Fails<CheckItemView, NotFound>(crossWrite);
        Assert.Equal(328, await app.Run(orgA.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().CheckItemAssessments.CountAsync()));
        Assert.Equal(0, await app.Run(null, sp => sp.GetRequiredService<JikimiDb>().CheckItemAssessments.CountAsync()));
        Assert.Equal(656, await app.Run(null, sp => sp.GetRequiredService<JikimiDb>().CheckItemAssessments.IgnoreQueryFilters().CountAsync()));
        Assert.NotEqual(aA.Id, aB.Id);
    }
}
