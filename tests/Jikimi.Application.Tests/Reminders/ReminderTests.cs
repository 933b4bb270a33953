using System.Text.Json;
using Jikimi.Application.Audits;
using Jikimi.Application.Reminders;
using Jikimi.Domain.Reminders;
using Jikimi.TestSupport;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.Reminders;

public class ReminderTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private const string Secret = "webhook-secret-2026";

    private static Dictionary<string, string?> Settings(WebhookSink sink) => new()
    {
        ["Reminders:Webhook:Url"] = sink.Url,
        ["Reminders:Webhook:Secret"] = Secret,
        ["Reminders:CorrectiveActionLeadDays"] = "7",
    };

    private static Task<int> Plan(AppHarness app) => app.Run(null, sp => sp.GetRequiredService<PlanReminders>().Handle(default));

    private static Task<DispatchReport> Dispatch(AppHarness app) => app.Run(null, sp => sp.GetRequiredService<DispatchReminders>().Handle(default));

    private static async Task<(Jikimi.Application.Common.OrgAccess Admin, FindingView Finding)> FindingDueInTenDaysAsync(AppHarness app, string email = "admin@a.kr")
    {
        var (admin, _) = await OrgWithAssessmentAsync(app, email);
        var audit = Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<CreateAudit>().Handle(admin, new CreateAuditRequest("initial", null, null, new DateOnly(2025, 1, 1), null, null, null, null, null, null, null, null, null), default)));
        var notice = new DateOnly(2026, 11, 27).AddDays(10 - 40); // due 2026-12-07
        var f = Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<RecordFinding>().Handle(admin, audit.Id, new RecordFindingRequest("2.5.4", null, "결함", null, null, notice), default)));
        Assert.Equal(new DateOnly(2026, 12, 7), f.DueOn);
        return (admin, f);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task A_reminder_is_created_when_due_once_per_channel_and_sent_once_with_a_valid_signature(string provider)
    {
        using var sink = new WebhookSink();
        await using var app = await AppHarness.CreateAsync(provider, Settings(sink));
        var (admin, f) = await FindingDueInTenDaysAsync(app);

        Assert.Equal(0, await Plan(app)); // 10 days ahead, the lead is 7
        app.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(2, await Plan(app)); // in-app + webhook
        Assert.Equal(0, await Plan(app)); // planned already
        await using (var node2 = app.SecondNode(Settings(sink)))
        {
            node2.Clock.SetUtcNow(app.Clock.GetUtcNow());
            Assert.Equal(0, await Plan(node2));
        }

        // A node without the webhook configured leaves webhook reminders alone.
        await using (var plain = app.SecondNode())
        {
            plain.Clock.SetUtcNow(app.Clock.GetUtcNow());
            Assert.Equal((1, 0), ((await Dispatch(plain)).Sent, sink.Received.Count));
        }

        var report = await Dispatch(app);
        Assert.Equal(1, report.Sent); // the webhook; in-app went out on the plain node
        Assert.Equal(0, (await Dispatch(app)).Sent);
        var delivery = Assert.Single(sink.Received);
        Assert.Equal(ReminderChannels.Sign(Secret, delivery.Body), delivery.Signature);
        var json = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.Equal("corrective_action_due", json.GetProperty("kind").GetString());
        Assert.Equal(f.Id, json.GetProperty("subjectId").GetGuid());

        var notes = Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<ListNotifications>().Handle(admin, 100, default)));
        Assert.Contains("2026-12-07", Assert.Single(notes).Title, StringComparison.Ordinal);

        // A new deadline (sent back for re-correction) is a new reminder.
        Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<PlanCorrection>().Handle(admin, f.Id, new CorrectionPlanRequest("a", "b", "c", new DateOnly(2026, 12, 7)), default)));
        Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<MarkFindingFixed>().Handle(admin, f.Id, new FixFindingRequest("e"), default)));
        Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<VerifyFinding>().Handle(admin, f.Id, new VerifyFindingRequest(false, null), default)));
        app.Clock.Advance(TimeSpan.FromDays(60)); // re-correction due 2027-02-05; now 2027-01-29
        Assert.Equal(2, await Plan(app));
        Assert.Equal(2, (await Dispatch(app)).Sent);
        Assert.Equal(2, sink.Received.Count);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Two_nodes_dispatching_at_once_send_each_reminder_exactly_once(string provider)
    {
        using var sink = new WebhookSink();
        await using var app = await AppHarness.CreateAsync(provider, Settings(sink));
        for (var i = 0; i < 3; i++)
        {
            await FindingDueInTenDaysAsync(app, $"admin{i}@a.kr");
        }

        app.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(6, await Plan(app));
        await using var node2 = app.SecondNode(Settings(sink));
        node2.Clock.SetUtcNow(app.Clock.GetUtcNow());
        var reports = await Task.WhenAll(Dispatch(app), Dispatch(node2), Dispatch(app), Dispatch(node2));
        Assert.True(reports.Sum(r => r.Sent) == 6, string.Join(" | ", reports));
        Assert.Equal(0, reports.Sum(r => r.Failed));
        Assert.Equal(3, sink.Received.Count);
        Assert.Equal(3, sink.Received.Select(d => d.DeliveryId).Distinct().Count());

        // A restart (a new host over the same database) finds nothing left to send and loses nothing.
        await using var restarted = app.SecondNode(Settings(sink));
        restarted.Clock.SetUtcNow(app.Clock.GetUtcNow().AddMinutes(30));
        Assert.Equal(0, await Plan(restarted));
        Assert.Equal(0, (await Dispatch(restarted)).Sent);
        await using var db = app.Database.NewContext();
        Assert.Equal(6, await db.Reminders.IgnoreQueryFilters().CountAsync(r => r.Status == ReminderStatus.Sent && r.SentAt != null));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task A_failed_delivery_is_retried_later_and_not_lost(string provider)
    {
        using var sink = new WebhookSink(status: 503);
        await using var app = await AppHarness.CreateAsync(provider, Settings(sink));
        await FindingDueInTenDaysAsync(app);
        app.Clock.Advance(TimeSpan.FromDays(5));
        await Plan(app);
        var first = await Dispatch(app);
        Assert.Equal((1, 1), (first.Sent, first.Failed)); // in-app sent, webhook failed
        Assert.Equal(0, (await Dispatch(app)).Failed); // waits before retrying
        sink.Status = 200;
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, (await Dispatch(app)).Sent);
        Assert.Single(sink.Received);
        await using var db = app.Database.NewContext();
        var webhook = await db.Reminders.IgnoreQueryFilters().SingleAsync(r => r.Channel == ReminderChannels.Webhook);
        Assert.Equal(2, webhook.Attempts);
        Assert.Null(webhook.LastError);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Surveillance_due_and_certificate_expiring_are_reminded_in_time(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, _) = await OrgWithAssessmentAsync(app);
        var audit = Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<CreateAudit>().Handle(admin, new CreateAuditRequest("initial", null, null, new DateOnly(2025, 1, 1), null, null, null, null, null, null, null, null, null), default)));
        var decided = Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<DecideAudit>().Handle(admin, audit.Id, new DecideAuditRequest("approve", null, null, "C-1", null), default)));
        Assert.Equal(new DateOnly(2027, 11, 27), decided.NextAudit!.DueBy);

        async Task<List<string>> Kinds()
        {
            await Plan(app);
            await Dispatch(app);
            await using var db = app.Database.NewContext();
            return await db.Reminders.IgnoreQueryFilters().Select(r => r.Kind).OrderBy(k => k).ToListAsync();
        }

        app.Clock.SetUtcNow(new DateTimeOffset(2027, 10, 27, 0, 0, 0, TimeSpan.Zero)); // 31 days before: not yet
        Assert.Empty(await Kinds());
        app.Clock.Advance(TimeSpan.FromDays(1)); // 30 days before the surveillance audit is due
        Assert.Equal(["surveillance_due"], await Kinds());
        app.Clock.SetUtcNow(new DateTimeOffset(2029, 8, 29, 0, 0, 0, TimeSpan.Zero)); // 90 days before expiry (2029-11-26)
        Assert.Contains("certificate_expiring", await Kinds());
        var notes = Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<ListNotifications>().Handle(admin, 10, default)));
        Assert.Equal(2, notes.Count);
        Assert.Contains(notes, n => n.Title.Contains("C-1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task The_renewal_application_is_reminded_before_its_own_deadline_three_months_before_expiry(string provider)
    {
        // Issue 19: the 3-months-before-expiry rule is about applying for renewal (고시 제28조), not about the audit date.
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, _) = await OrgWithAssessmentAsync(app);
        var audit = Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<CreateAudit>().Handle(admin, new CreateAuditRequest("initial", null, null, new DateOnly(2025, 1, 1), null, null, null, null, null, null, null, null, null), default)));
        var decided = Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<DecideAudit>().Handle(admin, audit.Id, new DecideAuditRequest("approve", null, null, "C-7", null), default)));
        Assert.NotNull(decided.NextAudit);

        async Task<List<(string Kind, DateTime Due)>> Applications()
        {
            await Plan(app);
            await using var db = app.Database.NewContext();
            return (await db.Reminders.IgnoreQueryFilters().Where(r => r.Kind == PlanReminders.RenewalApplicationDue).Select(r => new { r.Kind, r.DueAt }).ToListAsync())
                .Select(r => (r.Kind, r.DueAt)).ToList();
        }

        // Issued 2026-11-27, valid 3 years: expires 2029-11-26; apply by 2029-08-26; reminded 30 days before that.
        app.Clock.SetUtcNow(new DateTimeOffset(2029, 7, 26, 0, 0, 0, TimeSpan.Zero));
        Assert.Empty(await Applications());
        app.Clock.Advance(TimeSpan.FromDays(1));
        var reminder = Assert.Single(await Applications());
        Assert.Equal(new DateTime(2029, 8, 26, 0, 0, 0, DateTimeKind.Utc), reminder.Due);
        Assert.Single(await Applications()); // planned once

        await Dispatch(app);
        var note = Assert.Single(Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<ListNotifications>().Handle(admin, 10, default))), n => n.Kind == PlanReminders.RenewalApplicationDue);
        Assert.Contains("2029-08-26", note.Title, StringComparison.Ordinal);
        Assert.Contains("2029-11-26", note.Body, StringComparison.Ordinal);
        Assert.Contains("제28조", note.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Expiring_evidence_is_reminded_and_deleted_evidence_is_not(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, _) = await OrgWithAssessmentAsync(app);
        async Task<Guid> Upload(string title) => Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<Jikimi.Application.Evidence.UploadEvidence>().Handle(
            admin, null, new Jikimi.Application.Evidence.UploadEvidenceRequest(title, null, new DateOnly(2026, 1, 1), 365, null),
            new Jikimi.Application.Evidence.EvidenceFile(new MemoryStream("x"u8.ToArray()), "a.txt"), default))).Id;
        var kept = await Upload("보안교육 결과");
        var deleted = await Upload("폐기 예정");
        Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<Jikimi.Application.Evidence.DeleteEvidence>().Handle(admin, deleted, default)));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 17, 0, 0, 0, TimeSpan.Zero)); // expires 2027-01-01: 15 days ahead
        Assert.Equal(0, await Plan(app));
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await Plan(app));
        await Dispatch(app);
        var note = Assert.Single(Ok(await app.Run(admin.OrganizationId, sp => sp.GetRequiredService<ListNotifications>().Handle(admin, 10, default))));
        Assert.Equal(("evidence_expiring", kept), (note.Kind, note.SubjectId));
        Assert.Contains("보안교육 결과", note.Body, StringComparison.Ordinal);
    }
}
