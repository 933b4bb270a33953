using Jikimi.Application.Audits;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Reminders;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.Audits;

/// <summary>The committee's further correction (고시 제25조⑤) and the appeal window (제36조), on both databases, with the fake clock.</summary>
public class FurtherCorrectionAndAppealTests
{
    private static readonly CreateAuditRequest Initial =
        new("initial", null, null, new DateOnly(2025, 1, 1), null, null, "KISA", "팀", null, null, null, null, null);

    private static Task<T> Do<T>(AppHarness app, OrgAccess who, Func<IServiceProvider, Task<T>> work) => app.Run(who.OrganizationId, work);

    private static void At(AppHarness app, int year, int month, int day) => app.Clock.SetUtcNow(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.Zero));

    private static async Task<(OrgAccess Admin, AuditView Audit, FindingView Finding)> FixedFindingAsync(AppHarness app)
    {
        var (admin, _) = await OrgWithAssessmentAsync(app);
        var audit = Ok(await Do(app, admin, sp => sp.GetRequiredService<CreateAudit>().Handle(admin, Initial, default)));
        var f = Ok(await Do(app, admin, sp => sp.GetRequiredService<RecordFinding>().Handle(admin, audit.Id, new RecordFindingRequest("2.5.4", null, "결함", null, "high", null), default)));
        Ok(await Do(app, admin, sp => sp.GetRequiredService<PlanCorrection>().Handle(admin, f.Id, new CorrectionPlanRequest("원인", "조치", "담당", f.DueOn), default)));
        f = Ok(await Do(app, admin, sp => sp.GetRequiredService<MarkFindingFixed>().Handle(admin, f.Id, new FixFindingRequest("증적"), default)));
        return (admin, audit, f);
    }

    private static Task<Result<FindingView>> Further(AppHarness app, OrgAccess who, Guid finding, string note = "증적 부족") =>
        Do(app, who, sp => sp.GetRequiredService<RequestFurtherCorrection>().Handle(who, finding, new FurtherCorrectionRequest(note), default));

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task The_committee_sends_a_finding_back_once_with_the_configured_deadline_a_reminder_and_a_lapse(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider, new Dictionary<string, string?> { ["Certification:FurtherCorrectionDays"] = "20" });
        var (admin, audit, f) = await FixedFindingAsync(app);
        var viewer = await app.AddMemberAsync(admin, await app.CreateUserAsync("viewer@a.kr", "뷰어"), Role.Viewer);
        At(app, 2027, 1, 10);
        Fails<FindingView, Forbidden>(await Further(app, viewer, f.Id));
        var back = Ok(await Further(app, admin, f.Id));
        Assert.Equal("further-correction", back.Status);
        Assert.Equal(new DateOnly(2027, 1, 30), back.FurtherCorrectionDueOn);
        Fails<FindingView, FurtherCorrectionUsed>(await Further(app, admin, f.Id));
        Assert.Equal(1, await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().AuditEvents.CountAsync(e => e.Action == AuditActions.FindingFurtherCorrection)));

        // The reminder goes through the outbox before the deadline (the corrective actions' lead days, 7), once.
        At(app, 2027, 1, 25);
        await app.Run(null, sp => sp.GetRequiredService<PlanReminders>().Handle(default));
        await app.Run(null, sp => sp.GetRequiredService<PlanReminders>().Handle(default));
        var due = await app.Run(null, sp => sp.GetRequiredService<JikimiDb>().Reminders.IgnoreQueryFilters()
            .Where(r => r.SubjectId == f.Id && r.Kind == PlanReminders.FurtherCorrectionDue).Select(r => r.DueAt).ToListAsync());
        Assert.NotEmpty(due);
        Assert.All(due, d => Assert.Equal(new DateTime(2027, 1, 30, 0, 0, 0, DateTimeKind.Utc), d));

        // After the deadline the organization can no longer plan, and the committee cannot approve: it rejects.
        At(app, 2027, 1, 31);
        Assert.True(Ok(await Do(app, admin, sp => sp.GetRequiredService<GetFinding>().Handle(admin, f.Id, default))).FurtherCorrectionLapsed);
        Fails<FindingView, FurtherCorrectionLapsed>(await Do(app, admin, sp => sp.GetRequiredService<PlanCorrection>().Handle(admin, f.Id, new CorrectionPlanRequest("원인", "조치", "담당", new DateOnly(2027, 1, 30)), default)));
        Fails<DecisionResult, FindingsStillOpen>(await Do(app, admin, sp => sp.GetRequiredService<DecideAudit>().Handle(admin, audit.Id, new DecideAuditRequest("approve", null, null, "ISMS-P-2027-001", null), default)));
        Ok(await Do(app, admin, sp => sp.GetRequiredService<DecideAudit>().Handle(admin, audit.Id, new DecideAuditRequest("reject", "추가 보완 미이행", null, null, null), default)));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task No_further_correction_once_the_audit_is_decided(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, audit, f) = await FixedFindingAsync(app);
        Ok(await Do(app, admin, sp => sp.GetRequiredService<DecideAudit>().Handle(admin, audit.Id, new DecideAuditRequest("reject", null, null, null, null), default)));
        Fails<FindingView, AuditDecided>(await Further(app, admin, f.Id));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite, 15, true)]
    [InlineData(TestDatabase.Sqlite, 16, false)]
    [PostgresData(15, true)]
    [PostgresData(16, false)]
    public async Task An_appeal_is_recorded_within_the_window_and_refused_after(string provider, int daysLater, bool ok)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, audit, _) = await FixedFindingAsync(app);
        Fails<AuditView, AuditNotDecided>(await Do(app, admin, sp => sp.GetRequiredService<RecordAppeal>().Handle(admin, audit.Id, new AppealRequest("이의"), default)));
        At(app, 2027, 2, 1);
        var decided = Ok(await Do(app, admin, sp => sp.GetRequiredService<DecideAudit>().Handle(admin, audit.Id, new DecideAuditRequest("reject", null, null, null, null), default)));
        Assert.Equal(new DateOnly(2027, 2, 16), decided.Audit.AppealBy);
        app.Clock.Advance(TimeSpan.FromDays(daysLater));
        var r = await Do(app, admin, sp => sp.GetRequiredService<RecordAppeal>().Handle(admin, audit.Id, new AppealRequest("심사 범위 판단에 이의"), default));
        if (!ok)
        {
            Fails<AuditView, AppealWindowClosed>(r);
            return;
        }

        Assert.Equal(new DateOnly(2027, 2, 16), Ok(r).AppealedOn);
        Fails<AuditView, AppealAlreadyRecorded>(await Do(app, admin, sp => sp.GetRequiredService<RecordAppeal>().Handle(admin, audit.Id, new AppealRequest("또"), default)));
        Assert.Equal(1, await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().AuditEvents.CountAsync(e => e.Action == AuditActions.AuditAppealed)));
    }
}
