using Jikimi.Application.Assessments;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Data;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.AuditTrail;

public class AuditTrailTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static Task<AuditTrailReport> Verify(AppHarness app) => app.Run(null, sp => sp.GetRequiredService<VerifyAuditTrail>().Handle(default));

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Every_change_is_recorded_in_an_intact_chain(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        await Record(app, org, a.Id, "1.1.1-1", "fulfilled");
        var events = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListAuditEvents>().Handle(org, new AuditQuery(), default));
        Assert.Equal([AuditActions.CheckItemRecorded, AuditActions.AssessmentCreated, AuditActions.OrganizationCreated], events.Items.Select(e => e.Action));
        Assert.Equal([3L, 2L, 1L], events.Items.Select(e => e.Sequence));
        Assert.Contains("\"after\":\"fulfilled\"", events.Items[0].Summary, StringComparison.Ordinal);
        Assert.Equal("관리자", events.Items[0].Actor);
        var report = await Verify(app);
        Assert.True(report.Intact);
        Assert.Equal(3, report.Events);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task An_edited_row_breaks_the_chain_at_that_row(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        await Record(app, org, a.Id, "1.1.1-1", "fulfilled");
        await app.Run(null, sp => sp.GetRequiredService<JikimiDb>().AuditEvents.IgnoreQueryFilters()
            .Where(e => e.OrganizationId == org.OrganizationId && e.Sequence == 2)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Summary, "{\"year\":1999}")));
        var report = await Verify(app);
        var broken = Assert.Single(report.Breaks);
        Assert.Equal((org.OrganizationId.ToString(), 2L), (broken.Chain, broken.Sequence));
        Assert.Contains("changed after it was written", broken.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task A_deleted_row_breaks_the_chain(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        await Record(app, org, a.Id, "1.1.1-1", "fulfilled");
        await app.Run(null, sp => sp.GetRequiredService<JikimiDb>().AuditEvents.IgnoreQueryFilters()
            .Where(e => e.OrganizationId == org.OrganizationId && e.Sequence == 2).ExecuteDeleteAsync());
        var broken = Assert.Single((await Verify(app)).Breaks);
        Assert.Equal(2, broken.Sequence);
        Assert.Contains("missing", broken.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Concurrent_writers_keep_one_unbroken_chain(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var items = new[] { "2.1.1-1", "2.1.1-2", "2.1.2-1", "2.1.2-2", "2.2.1-1", "2.2.1-2", "2.2.2-1", "2.2.2-2" };
        await Task.WhenAll(items.Select(i => Task.Run(() => Record(app, org, a.Id, i, "fulfilled"))));
        var report = await Verify(app);
        Assert.True(report.Intact, string.Join("; ", report.Breaks.Select(b => b.Problem)));
        var events = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListAuditEvents>().Handle(org, new AuditQuery(Action: AuditActions.CheckItemRecorded), default));
        Assert.Equal(items.Length, events.Total);
    }
}
