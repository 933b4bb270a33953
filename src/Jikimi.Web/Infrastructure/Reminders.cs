using Jikimi.Application.Reminders;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Jikimi.Web.Infrastructure;

/// <summary>E-mail reminders over SMTP (MailKit), to the organization's administrators and compliance managers.</summary>
internal sealed class EmailReminderChannel(IOptions<ReminderOptions> options) : IReminderChannel
{
    public string Name => ReminderChannels.Email;

    public async Task DeliverAsync(ReminderMessage m, CancellationToken ct)
    {
        if (m.Recipients.Count == 0)
        {
            return; // nobody to tell; the in-app notification still stands
        }

        var smtp = options.Value.Email;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        foreach (var to in m.Recipients)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Subject = m.Title;
        message.Headers.Add("X-Jikimi-Reminder", m.Id.ToString());
        // Base64 keeps the Korean text 7-bit clean: no reliance on the server offering 8BITMIME or SMTPUTF8.
        message.Body = new TextPart("plain") { Text = $"{m.OrganizationName}\n\n{m.Body}\n", ContentTransferEncoding = ContentEncoding.Base64 };
        using var client = new SmtpClient();
        var security = smtp.Security switch { "tls" => SecureSocketOptions.SslOnConnect, "starttls" => SecureSocketOptions.StartTls, _ => SecureSocketOptions.None };
        await client.ConnectAsync(smtp.Host ?? "localhost", smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>
/// Plans and delivers reminders every Reminders:PollInterval on the injected clock. State lives in the database
/// (the reminders table), so a restart loses nothing; claims keep several nodes from sending the same reminder.
/// </summary>
internal sealed partial class ReminderScheduler(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReminderOptions> options, IOptions<Application.Operations.JobOptions> jobs, ILogger<ReminderScheduler> log) : BackgroundService
{
    private int _completedTicks;

    /// <summary>Ticks finished since start (sent or not, failed or not): lets a test wait for "a tick ran" instead of sleeping.</summary>
    public int CompletedTicks => Volatile.Read(ref _completedTicks);

    public const string Job = "reminders";

    /// <summary>This process among the nodes: host name, process id and a random part (a restarted node is a new holder).</summary>
    private readonly string _holder = Holder();

    private static string Holder()
    {
        var h = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return h.Length <= 200 ? h : h[^200..];
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // A clean stop hands the job over at once; a killed node's lease simply runs out (Jobs:LeaseDuration).
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Application.Operations.JobLeases>().ReleaseAsync(Job, _holder, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTickFailed(log, ex.GetType().Name);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        // The first tick waits one interval too: starting the server (and its first requests) comes first.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var started = clock.GetTimestamp();
            using var activity = JikimiTelemetry.Activities.StartActivity("reminders.tick");
            try
            {
                bool held;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    held = await scope.ServiceProvider.GetRequiredService<Application.Operations.JobLeases>().TryAcquireAsync(Job, _holder, jobs.Value.LeaseDuration, stoppingToken);
                }

                if (!held)
                {
                    JikimiTelemetry.RecordJob(Job, "skipped", clock.GetElapsedTime(started)); // another node runs it
                    continue;
                }

                await TickAsync(stoppingToken);
                JikimiTelemetry.RecordJob(Job, "ok", clock.GetElapsedTime(started));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
                JikimiTelemetry.RecordJob(Job, "failed", clock.GetElapsedTime(started));
                LogTickFailed(log, ex.GetType().Name);
            }

            Interlocked.Increment(ref _completedTicks);
        }
    }

    public async Task TickAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlanReminders>().Handle(ct);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<DispatchReminders>().Handle(ct);
            if (report.Sent + report.Failed > 0)
            {
                JikimiTelemetry.ReminderDeliveries.Add(report.Sent, new KeyValuePair<string, object?>("outcome", "sent"));
                JikimiTelemetry.ReminderDeliveries.Add(report.Failed, new KeyValuePair<string, object?>("outcome", "failed"));
                LogDispatched(log, report.Sent, report.Failed);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders: {Sent} sent, {Failed} failed")]
    private static partial void LogDispatched(ILogger logger, int sent, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder tick failed: {ErrorType}")]
    private static partial void LogTickFailed(ILogger logger, string errorType);
}
