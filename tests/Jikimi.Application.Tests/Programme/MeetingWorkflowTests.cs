using Jikimi.Application.Common;
using Jikimi.Application.Evidence;
using Jikimi.Application.Meetings;
using Jikimi.Application.Programme;
using Jikimi.Application.Reminders;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Programme;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.Programme;

public class MeetingWorkflowTests
{
    private static Task<T> Use<T>(AppHarness app, OrgAccess who, Func<IServiceProvider, Task<T>> work) => app.Run(who.OrganizationId, work);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task A_committee_meeting_becomes_evidence_on_its_controls_and_its_action_items_are_followed_up(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, assessment) = await OrgWithAssessmentAsync(app);
        var viewer = await app.AddMemberAsync(admin, await app.CreateUserAsync("v@a.kr", "열람자"), Role.Viewer);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        RecordMeetingRequest Req(string? kind, DateOnly held, params MeetingActionRequest[] actions) =>
            new(kind, "2026년 1분기 정보보호위원회", held, "1. 연간 계획 승인\n2. 위험 평가 결과 보고", "대표이사 김대표\nCISO 이보안, CPO 박개인", "연간 계획 승인", "위험 평가 결과를 보고받고 조치 계획을 의결함", actions);

        Fails<MeetingView, Forbidden>(await Use(app, viewer, sp => sp.GetRequiredService<RecordMeeting>().Handle(viewer, Req("committee", today), default)));
        Assert.Equal("validation.kind", (await Use(app, admin, sp => sp.GetRequiredService<RecordMeeting>().Handle(admin, Req("board", today), default))).Error!.Code);
        Assert.Equal("validation.heldOn", (await Use(app, admin, sp => sp.GetRequiredService<RecordMeeting>().Handle(admin, Req("committee", today.AddDays(1)), default))).Error!.Code);
        Assert.Equal("validation.actions.dueOn", (await Use(app, admin, sp => sp.GetRequiredService<RecordMeeting>().Handle(admin, Req("committee", today, new MeetingActionRequest("x", "CISO", today.AddDays(-1))), default))).Error!.Code);

        var m = Ok(await Use(app, admin, sp => sp.GetRequiredService<RecordMeeting>().Handle(admin, Req("committee", today.AddDays(-40),
            new MeetingActionRequest("접근권한 검토 실시", "CISO 이보안", today.AddDays(-5)),
            new MeetingActionRequest("보안 교육 계획 수립", "인사팀", today.AddMonths(2))), default)));
        Assert.Equal((1, "committee", 2), (m.Number, m.Kind, m.Actions.Count));
        Assert.Equal(["대표이사 김대표", "CISO 이보안", "CPO 박개인"], m.Attendees);
        Assert.NotNull(m.EvidenceId);
        var late = Assert.Single(m.Actions, a => a.Overdue);

        // The minutes are one evidence item on 1.1.1, 1.1.3 and 1.4.3 of the assessment.
        var ev = Ok(await Use(app, admin, sp => sp.GetRequiredService<GetEvidence>().Handle(admin, m.EvidenceId!.Value, default)));
        Assert.Equal(("meeting", 1), (ev.Source, ev.CurrentVersion));
        Assert.Equal(["1.1.1", "1.1.3", "1.4.3"], ev.UsedIn!.Where(u => u.AssessmentId == assessment.Id).Select(u => u.ControlId).Order(StringComparer.Ordinal));

        // The late action item is on the operations view and reminded through the outbox.
        var due = await Use(app, viewer, sp => sp.GetRequiredService<ListOperationsDue>().Handle(viewer, default));
        Assert.Equal(("meeting_action", true), due.Where(d => d.Id == late.Id).Select(d => (d.Kind, d.Overdue)).Single());
        Assert.Equal(1, await app.Run(null, sp => sp.GetRequiredService<PlanReminders>().Handle(default)));

        // Done: a second version of the minutes shows the follow-up; the item leaves the operations view; twice is a conflict.
        Fails<MeetingView, ConcurrentEdit>(await Use(app, admin, sp => sp.GetRequiredService<CompleteMeetingAction>().Handle(admin, m.Id, late.Id, new CompleteMeetingActionRequest(today, late.Version + 1), default)));
        Assert.Equal("validation.doneOn", (await Use(app, admin, sp => sp.GetRequiredService<CompleteMeetingAction>().Handle(admin, m.Id, late.Id, new CompleteMeetingActionRequest(today.AddDays(-41), null), default))).Error!.Code);
        var done = Ok(await Use(app, admin, sp => sp.GetRequiredService<CompleteMeetingAction>().Handle(admin, m.Id, late.Id, new CompleteMeetingActionRequest(today, late.Version), default)));
        Assert.Equal(today, done.Actions.Single(a => a.Id == late.Id).DoneOn);
        Fails<MeetingView, MeetingActionDone>(await Use(app, admin, sp => sp.GetRequiredService<CompleteMeetingAction>().Handle(admin, m.Id, late.Id, new CompleteMeetingActionRequest(today, null), default)));
        Assert.Equal(2, Ok(await Use(app, admin, sp => sp.GetRequiredService<GetEvidence>().Handle(admin, m.EvidenceId!.Value, default))).CurrentVersion);
        var file = await Use(app, admin, async sp =>
        {
            var d = Ok(await sp.GetRequiredService<DownloadEvidence>().Handle(admin, m.EvidenceId!.Value, null, default));
            using var reader = new StreamReader(d.Content);
            return await reader.ReadToEndAsync();
        });
        Assert.Contains("CISO 이보안", file, StringComparison.Ordinal);
        Assert.Contains($"완료/done {today:yyyy-MM-dd}", file, StringComparison.Ordinal);
        Assert.DoesNotContain(await Use(app, viewer, sp => sp.GetRequiredService<ListOperationsDue>().Handle(viewer, default)), d => d.Id == late.Id);

        // A working-group meeting supports 1.1.3 only; meetings list newest first.
        var wg = Ok(await Use(app, admin, sp => sp.GetRequiredService<RecordMeeting>().Handle(admin, Req("working-group", today), default)));
        Assert.Equal(["1.1.3"], wg.Controls);
        var list = await Use(app, viewer, sp => sp.GetRequiredService<ListMeetings>().Handle(viewer, default));
        Assert.Equal([2, 1], list.Select(x => x.Number));

        // The trail carries numbers and dates, not the attendees.
        var trail = await Use(app, admin, async sp => await sp.GetRequiredService<Jikimi.Application.Data.JikimiDb>().AuditEvents.Where(e => e.Action.StartsWith("meeting.")).Select(e => e.Summary).ToListAsync());
        Assert.Equal(3, trail.Count);
        Assert.DoesNotContain(trail, s => s != null && s.Contains("이보안", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Another_organization_sees_no_meeting_and_cannot_complete_its_actions(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (a, _) = await OrgWithAssessmentAsync(app);
        var other = await app.CreateOrganizationAsync(await app.CreateUserAsync("b@b.kr", "비관리자", systemAdministrator: true), "다른 회사");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var m = Ok(await Use(app, a, sp => sp.GetRequiredService<RecordMeeting>().Handle(a, new RecordMeetingRequest(null, "위원회", today, "안건", "CISO", null, null, [new MeetingActionRequest("조치", "CISO", today)]), default)));

        Assert.Empty(await Use(app, other, sp => sp.GetRequiredService<ListMeetings>().Handle(other, default)));
        Fails<MeetingView, NotFound>(await Use(app, other, sp => sp.GetRequiredService<CompleteMeetingAction>().Handle(other, m.Id, m.Actions[0].Id, new CompleteMeetingActionRequest(today, null), default)));
        Assert.Empty(await Use(app, other, sp => sp.GetRequiredService<ListOperationsDue>().Handle(other, default)));
    }
}
