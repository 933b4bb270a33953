using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Jikimi.TestSupport;
using Jikimi.TestSupport.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Jikimi.Web.Tests.Audits;

/// <summary>The server's background scheduler on a fake clock: e-mail to a real SMTP server, a webhook to a real listener, in-app via the API; a restart sends nothing twice.</summary>
public class ReminderDeliveryTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), $"timed out waiting for {what}");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Scheduler_sends_email_webhook_and_in_app_once_across_a_restart(string provider)
    {
        var port = FreePort();
        using var smtp = new SmtpSink(port);
        using var sink = new WebhookSink();
        var settings = new Dictionary<string, string>
        {
            ["Reminders:PollInterval"] = "00:01:00",
            ["Reminders:Email:Enabled"] = "true",
            ["Reminders:Email:Host"] = "127.0.0.1",
            ["Reminders:Email:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Reminders:Email:From"] = "jikimi@example.kr",
            ["Reminders:Webhook:Url"] = sink.Url,
            ["Reminders:Webhook:Secret"] = "s3cret",
        };
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var h = await WebHarness.StartAsync(provider, settings, clock: clock);
        await using var _ = h;
        var root = h.Client(await h.AdminAsync());
        var org = (await HttpAssert.Json(await root.PostAsJsonAsync("/api/v1/orgs", new { name = "알림 주식회사" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var audit = (await HttpAssert.Json(await root.PostAsJsonAsync($"/api/v1/orgs/{org}/audits", new { kind = "initial", operatingSince = "2025-01-01" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await HttpAssert.Json(await root.PostAsJsonAsync($"/api/v1/orgs/{org}/audits/{audit}/findings", new { controlId = "2.9.4", description = "로그 보관 미흡", noticeOn = "2026-01-25" }), HttpStatusCode.Created); // due 2026-03-06

        clock.Advance(TimeSpan.FromMinutes(1)); // the scheduler's next tick
        await Eventually(() => smtp.Messages.Count == 1 && !sink.Received.IsEmpty, "the e-mail and the webhook");
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal("ciso@a.kr", Assert.Single(mail.To));
        Assert.Contains("X-Jikimi-Reminder", mail.Data, StringComparison.Ordinal);
        Assert.Contains("Subject: =?utf-8?", mail.Data, StringComparison.OrdinalIgnoreCase); // Korean subject, encoded
        var hook = Assert.Single(sink.Received);
        Assert.Equal(Jikimi.Application.Reminders.ReminderChannels.Sign("s3cret", hook.Body), hook.Signature);
        root = h.Client(await h.LoginAsync("ciso@a.kr", "Strong-pass-2026"));
        var notes = await HttpAssert.Json(await root.GetAsync($"/api/v1/orgs/{org}/notifications"), HttpStatusCode.OK);
        Assert.Equal("corrective_action_due", notes[0].GetProperty("kind").GetString());

        // Stop this node, start another over the same database: nothing is sent again.
        await h.App.StopAsync();
        await using var node2 = await h.SecondNodeAsync(clock, settings);
        var scheduler = node2.App.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Jikimi.Web.Infrastructure.ReminderScheduler>().Single();
        clock.Advance(TimeSpan.FromMinutes(5));
        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually(() => scheduler.CompletedTicks >= 1, "the second node's first reminder tick");
        Assert.Single(smtp.Messages);
        Assert.Single(sink.Received);
    }
}

/// <summary>A real SMTP server (SmtpServer package) on a loopback port that keeps what it receives.</summary>
internal sealed class SmtpSink : IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public SmtpSink(int port)
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public ConcurrentQueue<(IReadOnlyList<string> To, string Data)> Messages { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            sink.Messages.Enqueue((transaction.To.Select(m => $"{m.User}@{m.Host}").ToList(), Encoding.UTF8.GetString(buffer.ToArray())));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
