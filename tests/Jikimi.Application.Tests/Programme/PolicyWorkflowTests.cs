using Jikimi.Application.Common;
using Jikimi.Application.Evidence;
using Jikimi.Application.Policies;
using Jikimi.Application.Reminders;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Programme;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.Programme;

public class PolicyWorkflowTests
{
    private static Task<T> Use<T>(AppHarness app, OrgAccess who, Func<IServiceProvider, Task<T>> work) => app.Run(who.OrganizationId, work);

    private static PolicyRequest Request(string code = "POL-01") => new(code, "정보보호 및 개인정보보호 정책", "policy", "정보보호팀", ["1.1.5", "2.1.1"], 12);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Draft_approve_acknowledge_review_and_the_records_become_evidence_on_the_controls(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, assessment) = await OrgWithAssessmentAsync(app);
        var manager = await app.AddMemberAsync(admin, await app.CreateUserAsync("cm@a.kr", "김담당"), Role.ComplianceManager);
        var viewer = await app.AddMemberAsync(admin, await app.CreateUserAsync("staff@a.kr", "이직원"), Role.Viewer);
        var auditor = await app.AddMemberAsync(admin, await app.CreateUserAsync("auditor@a.kr", "박심사"), Role.Auditor);

        Fails<PolicyRowView, Forbidden>(await Use(app, viewer, sp => sp.GetRequiredService<CreatePolicy>().Handle(viewer, Request(), default)));
        var p = Ok(await Use(app, manager, sp => sp.GetRequiredService<CreatePolicy>().Handle(manager, Request(), default)));
        Assert.True(p.DraftPending);
        Fails<PolicyRowView, PolicyCodeTaken>(await Use(app, manager, sp => sp.GetRequiredService<CreatePolicy>().Handle(manager, Request(), default)));
        Fails<PolicyAcknowledgementView, PolicyNotApproved>(await Use(app, viewer, sp => sp.GetRequiredService<AcknowledgePolicy>().Handle(viewer, p.Id, default)));

        // The responsible officer (administrator) approves; a compliance manager may not.
        Fails<PolicyRowView, Forbidden>(await Use(app, manager, sp => sp.GetRequiredService<ApprovePolicyVersion>().Handle(manager, p.Id, new ApprovePolicyRequest(null), default)));
        var approved = Ok(await Use(app, admin, sp => sp.GetRequiredService<ApprovePolicyVersion>().Handle(admin, p.Id, new ApprovePolicyRequest(new DateOnly(2026, 12, 1)), default)));
        Assert.Equal((1, new DateOnly(2027, 12, 1), false), (approved.CurrentVersion!.Value, approved.ReviewDueOn!.Value, approved.DraftPending));
        Assert.NotNull(approved.EvidenceId);

        var evidence = Ok(await Use(app, admin, sp => sp.GetRequiredService<GetEvidence>().Handle(admin, approved.EvidenceId!.Value, default)));
        Assert.Equal("policy", evidence.Source);
        Assert.Equal(["1.1.5", "2.1.1"], evidence.UsedIn!.Select(u => u.ControlId).Order());
        Assert.All(evidence.UsedIn!, u => Assert.Equal(assessment.Id, u.AssessmentId));

        // Staff acknowledge the version in force, once; auditors do not.
        Ok(await Use(app, viewer, sp => sp.GetRequiredService<AcknowledgePolicy>().Handle(viewer, p.Id, default)));
        Fails<PolicyAcknowledgementView, PolicyAlreadyAcknowledged>(await Use(app, viewer, sp => sp.GetRequiredService<AcknowledgePolicy>().Handle(viewer, p.Id, default)));
        Fails<PolicyAcknowledgementView, Forbidden>(await Use(app, auditor, sp => sp.GetRequiredService<AcknowledgePolicy>().Handle(auditor, p.Id, default)));
        var view = Ok(await Use(app, manager, sp => sp.GetRequiredService<GetPolicy>().Handle(manager, p.Id, default)));
        Assert.Equal(["이직원"], view.Acknowledgements.Select(a => a.Name));
        Assert.Contains("김담당", view.NotYetAcknowledged);
        Assert.DoesNotContain("박심사", view.NotYetAcknowledged);
        Assert.False(view.AcknowledgedByMe);

        // A new version: acknowledgement starts again; the review adds a second evidence version to the same item.
        Ok(await Use(app, manager, sp => sp.GetRequiredService<DraftPolicyVersion>().Handle(manager, p.Id, new DraftPolicyRequest("조직 개편 반영"), default)));
        Fails<PolicyVersionView, PolicyDraftPending>(await Use(app, manager, sp => sp.GetRequiredService<DraftPolicyVersion>().Handle(manager, p.Id, new DraftPolicyRequest(null), default)));
        Ok(await Use(app, admin, sp => sp.GetRequiredService<ApprovePolicyVersion>().Handle(admin, p.Id, new ApprovePolicyRequest(null), default)));
        var reviewed = Ok(await Use(app, manager, sp => sp.GetRequiredService<ReviewPolicy>().Handle(manager, p.Id, new ReviewPolicy.Request("변경 없음"), default)));
        Assert.Equal(approved.EvidenceId, reviewed.EvidenceId);
        var after = Ok(await Use(app, viewer, sp => sp.GetRequiredService<GetPolicy>().Handle(viewer, p.Id, default)));
        Assert.Equal([2, 1], after.Versions.Select(v => v.Number));
        Assert.Empty(after.Acknowledgements);
        Assert.Equal(1, after.Versions.Single(v => v.Number == 1).Acknowledgements);
        var item = Ok(await Use(app, admin, sp => sp.GetRequiredService<GetEvidence>().Handle(admin, approved.EvidenceId!.Value, default)));
        Assert.Equal(3, item.CurrentVersion);
        Assert.Equal(2, item.UsedIn!.Count);

        var actions = await Use(app, admin, async sp => await sp.GetRequiredService<Jikimi.Application.Data.JikimiDb>().AuditEvents.Select(e => e.Action).ToListAsync());
        Assert.Contains("policy.created", actions);
        Assert.Contains("policy.approved", actions);
        Assert.Contains("policy.acknowledged", actions);
        Assert.Contains("policy.reviewed", actions);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Another_organization_sees_none_of_it_and_the_review_reminder_comes_through_the_outbox(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (a, _) = await OrgWithAssessmentAsync(app);
        var other = await app.CreateOrganizationAsync(await app.CreateUserAsync("b@b.kr", "비관리자", systemAdministrator: true), "다른 회사");
        var created = Ok(await Use(app, a, sp => sp.GetRequiredService<CreatePolicy>().Handle(a, Request(), default)));
        var p = Ok(await Use(app, a, sp => sp.GetRequiredService<ApprovePolicyVersion>().Handle(a, created.Id, new ApprovePolicyRequest(null), default)));

        Fails<PolicyView, NotFound>(await Use(app, other, sp => sp.GetRequiredService<GetPolicy>().Handle(other, p.Id, default)));
        Fails<PolicyRowView, NotFound>(await Use(app, other, sp => sp.GetRequiredService<ApprovePolicyVersion>().Handle(other, p.Id, new ApprovePolicyRequest(null), default)));
        Assert.Empty(await Use(app, other, sp => sp.GetRequiredService<ListPolicies>().Handle(other, default)));

        var due = p.ReviewDueOn!.Value;
        app.Clock.SetUtcNow(new DateTimeOffset(due.AddDays(-31).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        Assert.Equal(0, await app.Run(null, sp => sp.GetRequiredService<PlanReminders>().Handle(default)));
        app.Clock.Advance(TimeSpan.FromDays(1)); // 30 days before
        Assert.Equal(1, await app.Run(null, sp => sp.GetRequiredService<PlanReminders>().Handle(default)));
        await using var db = app.Database.NewContext();
        var r = await db.Reminders.IgnoreQueryFilters().SingleAsync();
        Assert.Equal(("policy_review_due", a.OrganizationId, p.Id), (r.Kind, r.OrganizationId, r.SubjectId));
        Assert.Contains("POL-01", r.Title, StringComparison.Ordinal);
    }
}
