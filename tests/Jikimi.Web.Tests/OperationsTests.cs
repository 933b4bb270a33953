using System.Net;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Web.Tests;

/// <summary>Issue 21: health probes, Prometheus text, and upgrades whose migration fails.</summary>
public class OperationsTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Readiness_checks_the_database_and_its_schema(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var live = await HttpAssert.Json(await h.Client().GetAsync("/health"), HttpStatusCode.OK);
        Assert.Equal("ok", live.GetProperty("status").GetString());
        var ready = await HttpAssert.Json(await h.Client().GetAsync("/health/ready"), HttpStatusCode.OK);
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal("ok", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());

        // A schema behind the build (an upgrade whose migration did not apply) is not ready; the message is bilingual.
        await using (var db = h.Database.NewContext())
        {
            var last = (await db.Database.GetAppliedMigrationsAsync()).Last();
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}");
        }

        var notReady = await HttpAssert.Json(await h.Client().GetAsync("/health/ready"), HttpStatusCode.ServiceUnavailable);
        Assert.Equal("not_ready", notReady.GetProperty("status").GetString());
        var check = notReady.GetProperty("checks").GetProperty("database");
        Assert.Equal("failed", check.GetProperty("status").GetString());
        Assert.Contains("migration", check.GetProperty("messageEn").GetString(), StringComparison.Ordinal);
        Assert.Contains("마이그레이션", check.GetProperty("messageKo").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_Prometheus_text_on_loopback_and_hidden_from_forwarded_requests()
    {
        await using var h = await WebHarness.StartAsync(TestDatabase.Sqlite, realPort: true);
        using var client = h.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/ping")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/orgs")).StatusCode);

        var r = await client.GetAsync("/metrics");
        var text = await r.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.StartsWith("text/plain", r.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        // Request rate, latency and errors: the duration histogram by route and status code.
        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/api/v1/ping\"", text, StringComparison.Ordinal);
        Assert.Contains("http_response_status_code=\"401\"", text, StringComparison.Ordinal);

        // Through a proxy (nginx sets X-Forwarded-For) the scrape endpoint does not exist.
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(forwarded)).StatusCode);
    }

    [Fact]
    public async Task Metrics_are_not_served_without_a_loopback_peer()
    {
        await using var h = await WebHarness.StartAsync(TestDatabase.Sqlite); // the test server has no remote address
        Assert.Equal(HttpStatusCode.NotFound, (await h.Client().GetAsync("/metrics")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_migration_that_fails_leaves_the_old_schema_and_the_start_fails(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string last;
        await using (var db = database.NewContext())
        {
            // Make the newest migration half-appliable: its first table can be created again, its second already
            // exists, so applying it fails part-way.
            last = (await db.Database.GetAppliedMigrationsAsync()).Single(m => m.EndsWith("_Issue21MultiNode", StringComparison.Ordinal));
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"DataProtectionKeys\"");
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}");
        }

        var options = new JikimiHostOptions
        {
            Args = [$"--Database:Provider={provider}", $"--ConnectionStrings:Default={database.ConnectionString}", "--urls=http://127.0.0.1:0"],
            DataDirectory = database.DataDirectory,
            Announce = _ => { },
        };
        var app = HostSetup.Build(options);
        await using (app)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => HostSetup.InitializeAsync(app, options));
        }

        await using (var db = database.NewContext())
        {
            Assert.DoesNotContain(last, await db.Database.GetAppliedMigrationsAsync());
            // The table the failed migration created first was rolled back with it.
            Assert.False(await TableExistsAsync(db, "DataProtectionKeys"));
            Assert.True(await TableExistsAsync(db, "JobLease"));
        }
    }

    private static async Task<bool> TableExistsAsync(Microsoft.EntityFrameworkCore.DbContext db, string table)
    {
        var sql = db.Database.ProviderName!.Contains("Sqlite", StringComparison.Ordinal)
            ? $"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '{table}'"
            : $"SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '{table}'";
        return (await db.Database.SqlQueryRaw<int>(sql).ToListAsync()).Single() > 0;
    }
}
