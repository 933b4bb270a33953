using Jikimi.Application.Common;
using Jikimi.Application.Evidence;
using Jikimi.Application.Reminders;
using Jikimi.Application.SubjectRequests;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Programme;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.Programme;

public class SubjectRequestWorkflowTests
{
    private static Task<T> Use<T>(AppHarness app, OrgAccess who, Func<IServiceProvider, Task<T>> work) => app.Run(who.OrganizationId, work);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Requests_get_their_cited_deadline_are_flagged_overdue_and_the_log_becomes_evidence_on_3_5_2(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, assessment) = await OrgWithAssessmentAsync(app);
        var viewer = await app.AddMemberAsync(admin, await app.CreateUserAsync("v@a.kr", "열람자"), Role.Viewer);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

        Fails<SubjectRequestView, Forbidden>(await Use(app, viewer, sp => sp.GetRequiredService<LogSubjectRequest>().Handle(viewer, new LogSubjectRequestRequest("access", today, null, null, null), default)));
        Assert.Equal("validation.kind", (await Use(app, admin, sp => sp.GetRequiredService<LogSubjectRequest>().Handle(admin, new LogSubjectRequestRequest("erase-me", today, null, null, null), default))).Error!.Code);

        var old = Ok(await Use(app, admin, sp => sp.GetRequiredService<LogSubjectRequest>().Handle(admin, new LogSubjectRequestRequest("access", today.AddDays(-12), "홈페이지", "REQ-2026-001", null), default)));
        var fresh = Ok(await Use(app, admin, sp => sp.GetRequiredService<LogSubjectRequest>().Handle(admin, new LogSubjectRequestRequest("consent-withdrawal", today, "이메일", "REQ-2026-002", null), default)));
        Assert.Equal((1, 2), (old.Number, fresh.Number));
        Assert.Equal((today.AddDays(-2), "overdue", true), (old.DueOn, old.Status, old.Overdue));
        Assert.Equal((today.AddDays(10), 10, "2023-09-15"), (fresh.DueOn, fresh.DaysLeft, fresh.RuleSet));
        Assert.Contains("제35조", old.BasisKo, StringComparison.Ordinal);

        // The operations view: the late request is due (and flagged); the fresh one falls due next month.
        var due = await Use(app, viewer, sp => sp.GetRequiredService<Jikimi.Application.Programme.ListOperationsDue>().Handle(viewer, default));
        var item = Assert.Single(due);
        Assert.Equal(("subject_request", old.Id, true), (item.Kind, item.Id, item.Overdue));
        var log = Ok(await Use(app, viewer, sp => sp.GetRequiredService<ListSubjectRequests>().Handle(viewer, "overdue", default)));
        Assert.Equal([1], log.Requests.Select(r => r.Number));
        Assert.Equal((2, 1), (log.Open, log.Overdue));

        Fails<SubjectRequestView, ConcurrentEdit>(await Use(app, admin, sp => sp.GetRequiredService<RespondToSubjectRequest>().Handle(admin, old.Id, new RespondToSubjectRequestRequest("fulfilled", today, null, old.Version + 1), default)));
        var answered = Ok(await Use(app, admin, sp => sp.GetRequiredService<RespondToSubjectRequest>().Handle(admin, old.Id, new RespondToSubjectRequestRequest("fulfilled", today, "사본 발급", old.Version), default)));
        Assert.Equal(("answered", false, true), (answered.Status, answered.Overdue, answered.AnsweredLate));
        Fails<SubjectRequestView, SubjectRequestAnswered>(await Use(app, admin, sp => sp.GetRequiredService<RespondToSubjectRequest>().Handle(admin, old.Id, new RespondToSubjectRequestRequest("fulfilled", today, null, null), default)));
        Ok(await Use(app, admin, sp => sp.GetRequiredService<RespondToSubjectRequest>().Handle(admin, fresh.Id, new RespondToSubjectRequestRequest("refused", today, "법령상 보존 의무", null), default)));

        // One evidence item on 3.5.2, one version per answer; the file holds no reference.
        var items = await Use(app, admin, sp => sp.GetRequiredService<ListEvidence>().Handle(admin, new EvidenceFilter(), default));
        var evidenceItem = Assert.Single(items.Items, e => e.Source == "subject-requests");
        var detail = Ok(await Use(app, admin, sp => sp.GetRequiredService<GetEvidence>().Handle(admin, evidenceItem.Id, default)));
        Assert.Equal(2, detail.CurrentVersion);
        Assert.Equal([("3.5.2", assessment.Id)], detail.UsedIn!.Select(u => (u.ControlId, u.AssessmentId)));
        var file = await Use(app, admin, async sp =>
        {
            var d = Ok(await sp.GetRequiredService<DownloadEvidence>().Handle(admin, evidenceItem.Id, null, default));
            using var reader = new StreamReader(d.Content);
            return await reader.ReadToEndAsync();
        });
        Assert.Contains("consent-withdrawal", file, StringComparison.Ordinal);
        Assert.DoesNotContain("REQ-2026", file, StringComparison.Ordinal);

        var trail = await Use(app, admin, async sp => await sp.GetRequiredService<Jikimi.Application.Data.JikimiDb>().AuditEvents.Where(e => e.Action.StartsWith("subject_request.")).Select(e => e.Summary).ToListAsync());
        Assert.Equal(4, trail.Count);
        Assert.DoesNotContain(trail, s => s != null && s.Contains("REQ-2026", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Another_organization_cannot_answer_and_an_open_request_is_reminded_before_its_deadline(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (a, _) = await OrgWithAssessmentAsync(app);
        var other = await app.CreateOrganizationAsync(await app.CreateUserAsync("b@b.kr", "비관리자", systemAdministrator: true), "다른 회사");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var r = Ok(await Use(app, a, sp => sp.GetRequiredService<LogSubjectRequest>().Handle(a, new LogSubjectRequestRequest("suspension", today, null, null, null), default)));

        Fails<SubjectRequestView, NotFound>(await Use(app, other, sp => sp.GetRequiredService<RespondToSubjectRequest>().Handle(other, r.Id, new RespondToSubjectRequestRequest("fulfilled", today, null, null), default)));
        Assert.Empty(Ok(await Use(app, other, sp => sp.GetRequiredService<ListSubjectRequests>().Handle(other, null, default))).Requests);

        Assert.Equal(0, await app.Run(null, sp => sp.GetRequiredService<PlanReminders>().Handle(default)));
        app.Clock.Advance(TimeSpan.FromDays(7)); // three days before the deadline
        Assert.Equal(1, await app.Run(null, sp => sp.GetRequiredService<PlanReminders>().Handle(default)));
        await using var db = app.Database.NewContext();
        var reminder = await db.Reminders.IgnoreQueryFilters().SingleAsync();
        Assert.Equal(("subject_request_due", r.Id), (reminder.Kind, reminder.SubjectId));
        Assert.Contains("제37조", reminder.Body, StringComparison.Ordinal);
    }
}
