using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Jikimi.Application;
using Jikimi.Application.Data;
using Jikimi.Application.Demo;
using Jikimi.Application.Setup;
using Jikimi.Domain.Common;
using Jikimi.Persistence.Postgres;
using Jikimi.Persistence.Sqlite;
using Jikimi.Reports;
using Jikimi.Web.Endpoints;
using Jikimi.Web.Infrastructure;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;

namespace Jikimi.Web;

/// <summary>What `jikimi serve` (and the tests) start.</summary>
public sealed record JikimiHostOptions
{
    public string[] Args { get; init; } = [];

    /// <summary>Where SQLite, evidence and overlays live; created when missing.</summary>
    public string DataDirectory { get; init; } = Path.Combine(Environment.CurrentDirectory, "data");

    public bool Demo { get; init; }

    /// <summary>Where the one-time setup token is written (the console; never the log).</summary>
    public Action<string> Announce { get; init; } = Console.WriteLine;
}

/// <summary>Builds and initialises the web application: services, middleware, endpoints, migrations, setup token.</summary>
public static class HostSetup
{
    public const string AuthLimiter = "auth";

    public static WebApplication Build(JikimiHostOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        Directory.CreateDirectory(options.DataDirectory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = options.Args, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://127.0.0.1:5080");
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        // Under systemd (deploy/jikimi.service, Type=notify): readiness is signalled after migrations, logs go to the journal.
        builder.Host.UseSystemd();
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        configure?.Invoke(builder);

        var config = builder.Configuration;
        var services = builder.Services;
        services.AddJikimiApplication(config, options.DataDirectory);
        services.AddJikimiReports();
        var provider = config["Database:Provider"] ?? "sqlite";

        // Cached reads follow this process's writes and, on PostgreSQL, other nodes' NOTIFY messages; the TTL bounds
        // anything missed (another process writing the SQLite file, a lost notification). Cache:Coherence=database
        // checks the audit-chain head on every read instead.
        config["Cache:Coherence"] ??= "process";
        config["Cache:Ttl"] ??= "00:00:30";

        if (JikimiStorage.Add(services, config, options.DataDirectory))
        {
            services.AddHostedService<ChangeFeedListener>();
        }

        services.AddSingleton<Application.Reminders.IReminderChannel, EmailReminderChannel>();
        services.AddHostedService<ReminderScheduler>();
        services.AddHostedService<AuditAnchorScheduler>();

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        DataProtectionSettings.AddJikimiDataProtection(services, config, options.DataDirectory);
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Jikimi API";
            doc.Info.Description = "ISMS / ISMS-P workspace. Authenticate with 'Authorization: Bearer <token>' (POST /api/v1/auth/login, or an API token). Errors are RFC 9457 problem details with a stable 'code'.";
            return Task.CompletedTask;
        }));
        services.AddAuthentication(BearerAuthentication.SchemeName).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerAuthentication>(BearerAuthentication.SchemeName, null);
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder(BearerAuthentication.SchemeName).RequireAuthenticatedUser().Build());
        services.AddJikimiUi(config);
        services.AddJikimiObservability(config);
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        var permits = config.GetValue("RateLimit:AuthPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AuthLimiter, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) }));
        });

        var app = builder.Build();
        app.UseForwardedHeaders(); // trusts loopback proxies only (the default): https behind a local TLS terminator
        app.UseExceptionHandler(e => e.Run(WriteUnhandled));
        app.UseStatusCodePages(WriteEmptyStatus);
        app.UseSecurityHeaders();
        app.UseUiLanguage();
        app.UseEvidenceUploadLimit();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        MapEndpoints(app);
        return app;
    }

    /// <summary>Applies migrations, seeds the demo when asked, and prints a setup token while no user exists.</summary>
    public static async Task InitializeAsync(WebApplication app, JikimiHostOptions options, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JikimiDb>();
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            // Several nodes starting together: one migrates (and seeds, and issues the setup token) while the
            // others wait on the advisory lock, then find nothing left to do.
            await using var migrationLock = await PostgresDatabase.MigrationLockAsync(db.Database.GetConnectionString()!, ct);
            await db.Database.MigrateAsync(ct);
            await SeedAndAnnounceAsync(scope.ServiceProvider, options, ct);
            return;
        }

        await db.Database.MigrateAsync(ct);
        if (db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true)
        {
            await SqliteDatabase.EnableWalAsync(db, ct);
        }
        await SeedAndAnnounceAsync(scope.ServiceProvider, options, ct);
    }

    private static async Task SeedAndAnnounceAsync(IServiceProvider services, JikimiHostOptions options, CancellationToken ct)
    {
        if (options.Demo)
        {
            await services.GetRequiredService<SeedDemo>().Handle(ct);
        }

        if (await services.GetRequiredService<SetupTokens>().IssueIfNeededAsync(ct) is { } token)
        {
            options.Announce($"""

                ────────────────────────────────────────────────────────────
                 Jikimi first run: create the first administrator with this
                 one-time setup token (it works once; a restart issues a new one):

                   {token}

                 POST /api/v1/setup  {"{"}"setupToken": "…", "email": "…", "displayName": "…", "password": "…"{"}"}
                ────────────────────────────────────────────────────────────
                """);
        }
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("Jikimi API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        app.MapJikimiObservability();

        var api = app.MapGroup("/api/v1");
        api.MapGet("/ping", () => TypedResults.Ok(new { pong = true })).AllowAnonymous().WithTags("Health").WithSummary("Trivial endpoint (the benchmark's upper bound).");
        AccountEndpoints.Map(api);
        var org = api.MapGroup("/orgs/{orgId:guid}").AddEndpointFilter<OrgAccessFilter>();
        OrganizationEndpoints.Map(api, org);
        AssessmentEndpoints.Map(org);
        EvidenceEndpoints.Map(org);
        AssetEndpoints.Map(org);
        RiskEndpoints.Map(org);
        ReportEndpoints.Map(org);
        AutomationEndpoints.Map(org);
        CertificationEndpoints.Map(org);
        CloudEndpoints.Map(api, org);
        ProgrammeEndpoints.Map(org);
        AccessRecordEndpoints.Map(org);
        ObligationEndpoints.Map(api);
        AdminEndpoints.Map(api);
        app.MapJikimiUi();
    }

    /// <summary>Gives responses that the framework ends without a body (404 route, 405, 415) the same problem shape.</summary>
    private static Task WriteEmptyStatus(StatusCodeContext context)
    {
        var status = context.HttpContext.Response.StatusCode;
        if (UiSetup.IsPageRequest(context.HttpContext.Request))
        {
            return ErrorPage.WriteAsync(context.HttpContext, status);
        }

        DomainError error = status switch
        {
            404 => new RouteNotFound(),
            405 => new MethodNotAllowed(),
            415 => new UnsupportedMediaType(),
            429 => new RateLimited(),
            _ => new RequestFailed(status),
        };
        return Problems.From(error).ExecuteAsync(context.HttpContext);
    }

    private static Task WriteUnhandled(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (UiSetup.IsPageRequest(http.Request))
        {
            return ErrorPage.WriteAsync(http, error is BadHttpRequestException { StatusCode: 413 } ? 413 : error is BadHttpRequestException ? 400 : 500);
        }

        var result = error switch
        {
            BadHttpRequestException { StatusCode: 413 } => Problems.From(new RequestTooLarge()),
            BadHttpRequestException bad => Problems.From(new RequestInvalid(BadRequestDetail(bad))),
            _ => Problems.ServerError(),
        };
        return result.ExecuteAsync(http);
    }

    // The JSON reader's message names the field and position, never the values sent.
    private static string BadRequestDetail(BadHttpRequestException ex) =>
        ex.InnerException is System.Text.Json.JsonException json ? $"Malformed JSON body ({json.Path ?? "$"}, line {json.LineNumber + 1})." : ex.Message;
}

/// <summary>Runs the PostgreSQL change feed's listener for the life of the server.</summary>
internal sealed class ChangeFeedListener(PostgresChangeFeed feed) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => feed.RunAsync(stoppingToken);
}
