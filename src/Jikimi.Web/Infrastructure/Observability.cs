using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Jikimi.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Jikimi.Web.Infrastructure;

/// <summary>Telemetry settings (section "Telemetry"); every key is in docs/operations.md.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>service.name of every metric and span; give each deployment its own.</summary>
    public string ServiceName { get; set; } = "jikimi";

    /// <summary>OTLP collector (e.g. http://127.0.0.1:4317); empty = no OTLP export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>grpc (default, port 4317) or http (http/protobuf, port 4318).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>Prometheus text at /metrics, answered on loopback connections only (ADR 0036).</summary>
    public bool Prometheus { get; set; } = true;
}

/// <summary>Jikimi's own meter and activity source: background-job outcomes and reminder deliveries.</summary>
public static class JikimiTelemetry
{
    public const string Name = "Jikimi";

    public static readonly ActivitySource Activities = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>One background job run; tags: job, outcome (ok | failed | skipped: another node holds the lease).</summary>
    public static readonly Counter<long> JobRuns = Meter.CreateCounter<long>("jikimi.jobs.runs", "{run}", "Background job runs by job and outcome.");

    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("jikimi.jobs.duration", "s", "Duration of background job runs.");

    /// <summary>Reminder deliveries; tags: outcome (sent | failed).</summary>
    public static readonly Counter<long> ReminderDeliveries = Meter.CreateCounter<long>("jikimi.reminders.deliveries", "{delivery}", "Reminder deliveries by outcome.");

    public static void RecordJob(string job, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "job", job }, { "outcome", outcome } };
        JobRuns.Add(1, tags);
        JobDuration.Record(elapsed.TotalSeconds, tags);
    }
}

/// <summary>Health probes, structured logs' companions (metrics and traces) and their endpoints.</summary>
public static class Observability
{
    public const string ReadyTag = "ready";

    public static void AddJikimiObservability(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<TelemetryOptions>().Bind(config.GetSection(TelemetryOptions.Section))
            .Validate(o => o.OtlpProtocol is "grpc" or "http", "Telemetry:OtlpProtocol must be grpc or http.")
            .Validate(o => string.IsNullOrWhiteSpace(o.OtlpEndpoint) || Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out _), "Telemetry:OtlpEndpoint must be an absolute URL.")
            .ValidateOnStart();
        var telemetry = config.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(telemetry.ServiceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(m =>
            {
                // http.server.request.duration (rate, latency and errors by route and status), client calls, ours.
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter(JikimiTelemetry.Name);
                if (telemetry.Prometheus)
                {
                    m.AddPrometheusExporter();
                }

                if (Otlp(telemetry) is { } otlp)
                {
                    m.AddOtlpExporter(otlp);
                }
            });
        if (Otlp(telemetry) is { } traces)
        {
            otel.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddSource(JikimiTelemetry.Name)
                .AddOtlpExporter(traces));
        }
    }

    public static void MapJikimiObservability(this WebApplication app)
    {
        // Liveness: the process answers. Readiness: it can reach its database with the schema it expects.
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).AllowAnonymous().ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadiness,
        }).AllowAnonymous();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: b => b.Use(async (http, next) =>
            {
                if (!IsDirectLoopback(http))
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                await next(http);
            }), optionsName: null).AllowAnonymous();
        }
    }

    /// <summary>A connection from this machine that no proxy forwarded (nginx adds X-Forwarded-For; the forwarded-headers
    /// middleware then moves the proxy's address to X-Original-For).</summary>
    internal static bool IsDirectLoopback(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
        && !http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("X-Original-For");

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");

    private static Action<OtlpExporterOptions>? Otlp(TelemetryOptions t) =>
        string.IsNullOrWhiteSpace(t.OtlpEndpoint)
            ? null
            : o =>
            {
                o.Endpoint = new Uri(t.OtlpEndpoint);
                o.Protocol = t.OtlpProtocol == "http" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            };

    private static readonly JsonSerializerOptions ReadinessJson = new(JsonSerializerDefaults.Web);

    private static Task WriteReadiness(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status == HealthStatus.Healthy ? "ready" : "not_ready",
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status == HealthStatus.Healthy ? "ok" : "failed",
                messageKo = e.Value.Data.TryGetValue("ko", out var ko) ? ko : null,
                messageEn = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, ReadinessJson));
    }
}

/// <summary>Readiness: the database answers and has every migration this build knows (an upgrade half-done is not ready).</summary>
internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JikimiDb>();
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return Failed("데이터베이스에 연결할 수 없습니다.", "The database cannot be reached.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("The database answers and its schema is current.", new Dictionary<string, object> { ["ko"] = "데이터베이스 연결과 스키마가 정상입니다." })
                : Failed($"데이터베이스 마이그레이션 {pending}개가 아직 적용되지 않았습니다.", $"{pending} database migrations are not applied yet.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The type only: connection errors can carry host names and user names.
            return Failed("데이터베이스 확인에 실패했습니다: " + ex.GetType().Name, "The database check failed: " + ex.GetType().Name);
        }
    }

    private static HealthCheckResult Failed(string ko, string en) =>
        HealthCheckResult.Unhealthy(en, data: new Dictionary<string, object> { ["ko"] = ko });
}
