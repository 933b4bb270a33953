using Jikimi.Application.AuditTrail;
using Microsoft.Extensions.Options;

namespace Jikimi.Web.Infrastructure;

/// <summary>
/// Anchors the audit chains' heads (ADR 0052) once at start and then every AuditAnchors:Interval on the injected
/// clock, on one node at a time (job lease "audit-anchors"); <see cref="AfterExportAsync"/> anchors after a report.
/// A failure (anchor folder missing or read-only) is logged and counted, never hidden: verify then shows no newer anchor.
/// </summary>
internal sealed partial class AuditAnchorScheduler(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AuditAnchorOptions> options, IOptions<Application.Operations.JobOptions> jobs, ILogger<AuditAnchorScheduler> log) : BackgroundService
{
    public const string Job = "audit-anchors";

    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var started = clock.GetTimestamp();
            try
            {
                bool held;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    held = await scope.ServiceProvider.GetRequiredService<Application.Operations.JobLeases>()
                        .TryAcquireAsync(Job, _holder, options.Value.Interval + jobs.Value.LeaseDuration, stoppingToken);
                }

                if (held)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<AnchorAuditTrail>().Handle(stoppingToken);
                    JikimiTelemetry.RecordJob(Job, "ok", clock.GetElapsedTime(started));
                }
                else
                {
                    JikimiTelemetry.RecordJob(Job, "skipped", clock.GetElapsedTime(started));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                JikimiTelemetry.RecordJob(Job, "failed", clock.GetElapsedTime(started));
                LogFailed(log, ex.GetType().Name);
            }

            try
            {
                await Task.Delay(options.Value.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Anchors after a report or export, in a scope of its own; never fails the download it follows.</summary>
    public static async Task AfterExportAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!services.GetRequiredService<IOptions<AuditAnchorOptions>>().Value.Enabled)
        {
            return;
        }

        try
        {
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AnchorAuditTrail>().Handle(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            JikimiTelemetry.RecordJob(Job, "failed", TimeSpan.Zero);
            LogFailed(services.GetRequiredService<ILogger<AuditAnchorScheduler>>(), ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit anchoring failed: {ErrorType}; check AuditAnchors:Directory")]
    private static partial void LogFailed(ILogger logger, string errorType);
}
