using Jikimi.Application.Audits;
using Jikimi.Application.Common;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.TestSupport.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.Audits;

public class LifecycleTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static CreateAuditRequest Initial(string operatingSince = "2025-01-01", Guid? seedFrom = null, string? body = null) =>
        new("initial", null, null, DateOnly.Parse(operatingSince, System.Globalization.CultureInfo.InvariantCulture), null, null, body, "팀", null, null, "표본 메모", null, seedFrom);

    private static Task<T> Do<T>(AppHarness app, OrgAccess who, Func<IServiceProvider, Task<T>> work) => app.Run(who.OrganizationId, work);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Deadlines_follow_the_configured_periods_and_the_fake_clock(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider, new Dictionary<string, string?> { ["Certification:CorrectionDays"] = "30", ["Certification:RecorrectionDays"] = "10" });
        var (admin, _) = await OrgWithAssessmentAsync(app);
        var audit = Ok(await Do(app, admin, sp => sp.GetRequiredService<CreateAudit>().Handle(admin, Initial(), default)));
        var f = Ok(await Do(app, admin, sp => sp.GetRequiredService<RecordFinding>().Handle(admin, audit.Id, new RecordFindingRequest("2.5.4", "2.5.4-1", "결함", null, "high", null), default)));
        Assert.Equal(new DateOnly(2026, 12, 27), f.DueOn); // the harness clock starts 2026-11-27

        async Task<IReadOnlyList<FindingView>> Overdue() => Ok(await Do(app, admin, sp => sp.GetRequiredService<ListFindings>().Handle(admin, new FindingFilter(null, true, null), default)));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 27, 23, 0, 0, TimeSpan.Zero));
        Assert.Empty(await Overdue());
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(f.Id, Assert.Single(await Overdue()).Id);

        Ok(await Do(app, admin, sp => sp.GetRequiredService<PlanCorrection>().Handle(admin, f.Id, new CorrectionPlanRequest("원인", "조치", "담당", new DateOnly(2026, 12, 27)), default)));
        Ok(await Do(app, admin, sp => sp.GetRequiredService<MarkFindingFixed>().Handle(admin, f.Id, new FixFindingRequest("증적"), default)));
        var back = Ok(await Do(app, admin, sp => sp.GetRequiredService<VerifyFinding>().Handle(admin, f.Id, new VerifyFindingRequest(false, "미흡"), default)));
        Assert.Equal(new DateOnly(2027, 1, 6), back.CurrentDueOn); // 30 + 10 days
        Assert.Empty(await Overdue());
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 7, 0, 0, 0, TimeSpan.Zero));
        Assert.Single(await Overdue());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Auditor_sees_and_writes_only_the_assigned_audit(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, _) = await OrgWithAssessmentAsync(app);
        var auditorUser = await app.CreateUserAsync("auditor@kisa.kr", "심사원");
        var auditor = await app.AddMemberAsync(admin, auditorUser, Role.Auditor);
        var viewer = await app.AddMemberAsync(admin, await app.CreateUserAsync("viewer@a.kr", "뷰어"), Role.Viewer);
        var mine = Ok(await Do(app, admin, sp => sp.GetRequiredService<CreateAudit>().Handle(admin, Initial(), default)));
        var other = Ok(await Do(app, admin, sp => sp.GetRequiredService<CreateAudit>().Handle(admin, Initial(), default)));
        Fails<FindingView, NotFound>(await Do(app, auditor, sp => sp.GetRequiredService<RecordFinding>().Handle(auditor, mine.Id, new RecordFindingRequest("1.1.1", null, "x", null, null, null), default)));
        Fails<AuditView, Jikimi.Domain.Audits.AuditorNotMember>(await Do(app, admin, sp => sp.GetRequiredService<AssignAuditor>().Handle(admin, mine.Id, new AssignAuditorRequest(viewer.Actor.UserId), default)));
        Ok(await Do(app, admin, sp => sp.GetRequiredService<AssignAuditor>().Handle(admin, mine.Id, new AssignAuditorRequest(auditorUser.UserId), default)));

        Ok(await Do(app, auditor, sp => sp.GetRequiredService<RecordFinding>().Handle(auditor, mine.Id, new RecordFindingRequest("1.1.1", "1.1.1-1", "경영진 참여 미흡", "회의록", "low", null), default)));
        Ok(await Do(app, admin, sp => sp.GetRequiredService<RecordFinding>().Handle(admin, other.Id, new RecordFindingRequest("1.1.2", null, "다른 심사의 결함", null, null, null), default)));
        Fails<FindingView, Forbidden>(await Do(app, viewer, sp => sp.GetRequiredService<RecordFinding>().Handle(viewer, mine.Id, new RecordFindingRequest("1.1.1", null, "x", null, null, null), default)));
        Fails<FindingView, Invalid>(await Do(app, auditor, sp => sp.GetRequiredService<RecordFinding>().Handle(auditor, mine.Id, new RecordFindingRequest("9.9.9", null, "x", null, null, null), default)));
        Fails<FindingView, Invalid>(await Do(app, auditor, sp => sp.GetRequiredService<RecordFinding>().Handle(auditor, mine.Id, new RecordFindingRequest("1.1.1", "1.1.2-1", "x", null, null, null), default)));

        var seen = await Do(app, auditor, sp => sp.GetRequiredService<ListAudits>().Handle(auditor, default));
        Assert.Equal(mine.Id, Assert.Single(seen).Id);
        var findings = Ok(await Do(app, auditor, sp => sp.GetRequiredService<ListFindings>().Handle(auditor, new FindingFilter(null, false, null), default)));
        Assert.Equal("1.1.1", Assert.Single(findings).ControlId);
        Fails<IReadOnlyList<FindingView>, NotFound>(await Do(app, auditor, sp => sp.GetRequiredService<ListFindings>().Handle(auditor, new FindingFilter(other.Id, false, null), default)));
        Assert.Equal(2, Ok(await Do(app, viewer, sp => sp.GetRequiredService<ListFindings>().Handle(viewer, new FindingFilter(null, false, null), default))).Count);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task A_new_audit_is_seeded_from_last_years(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, _) = await OrgWithAssessmentAsync(app);
        var last = Ok(await Do(app, admin, sp => sp.GetRequiredService<CreateAudit>().Handle(admin, Initial(body: "KISA"), default)));
        var seeded = Ok(await Do(app, admin, sp => sp.GetRequiredService<CreateAudit>().Handle(admin, Initial(seedFrom: last.Id) with { Team = null, SamplingNotes = null }, default)));
        Assert.Equal(last.Id, seeded.SeededFromId);
        Assert.Equal("KISA", seeded.Body);
        Assert.Equal("팀", seeded.Team);
        Assert.Equal("표본 메모", seeded.SamplingNotes);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Findings_recorded_at_the_same_moment_get_distinct_numbers_or_a_409(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, _) = await OrgWithAssessmentAsync(app);
        var audit = Ok(await Do(app, admin, sp => sp.GetRequiredService<CreateAudit>().Handle(admin, Initial(), default)));
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Do(app, admin, sp =>
            sp.GetRequiredService<RecordFinding>().Handle(admin, audit.Id, new RecordFindingRequest("1.1.1", null, $"결함 {i}", null, null, null), default))));
        Assert.All(results, r => Assert.True(r.IsSuccess || r.Error is ConcurrentEdit, r.Error?.Code));
        var numbers = results.Where(r => r.IsSuccess).Select(r => r.Value!.Number).ToList();
        Assert.NotEmpty(numbers);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        var listed = Ok(await Do(app, admin, sp => sp.GetRequiredService<ListFindings>().Handle(admin, new FindingFilter(audit.Id, false, null), default)));
        Assert.Equal(numbers.Count, listed.Count);
    }

    [Fact]
    public async Task Invalid_deadlines_are_rejected_at_start()
    {
        await using var app = await AppHarness.CreateAsync(TestDatabase.Sqlite, new Dictionary<string, string?> { ["Certification:CorrectionDays"] = "0" });
        await using var scope = app.Scope();
        var ex = Assert.Throws<OptionsValidationException>(() => scope.ServiceProvider.GetRequiredService<IOptions<CertificationOptions>>().Value);
        Assert.Contains("CorrectionDays", ex.Message, StringComparison.Ordinal);
    }
}
