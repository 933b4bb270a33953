using System.Security.Cryptography;
using Jikimi.Application.Operations;
using Jikimi.TestSupport.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jikimi.Web.Tests;

/// <summary>Issue 21: several nodes on one database — job leases, shared encrypted keys, one migration at a time.</summary>
public class MultiNodeTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_job_lease_has_one_holder_until_it_runs_out_then_another_node_takes_over(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        var lease = TimeSpan.FromMinutes(3);
        await using var a = database.NewContext();
        await using var b = database.NewContext();
        var nodeA = new JobLeases(a, clock);
        var nodeB = new JobLeases(b, clock);

        Assert.True(await nodeA.TryAcquireAsync("reminders", "A", lease, default));
        Assert.False(await nodeB.TryAcquireAsync("reminders", "B", lease, default));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await nodeA.TryAcquireAsync("reminders", "A", lease, default)); // renewed
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await nodeB.TryAcquireAsync("reminders", "B", lease, default)); // still A's: renewed 2 min ago

        // A dies (stops renewing): once its lease runs out B takes over, and A's late renewal is refused.
        clock.Advance(TimeSpan.FromMinutes(1.5));
        Assert.True(await nodeB.TryAcquireAsync("reminders", "B", lease, default));
        Assert.False(await nodeA.TryAcquireAsync("reminders", "A", lease, default));
        Assert.Equal("B", (await nodeB.CurrentAsync("reminders", default))!.Holder);

        // A clean stop hands over at once.
        await nodeB.ReleaseAsync("reminders", "B", default);
        Assert.True(await nodeA.TryAcquireAsync("reminders", "A", lease, default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_nodes_racing_for_a_free_lease_get_exactly_one_winner(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        var contexts = Enumerable.Range(0, 6).Select(_ => database.NewContext()).ToList();
        var results = await Task.WhenAll(contexts.Select((c, i) => new JobLeases(c, clock).TryAcquireAsync("race", "node" + i, TimeSpan.FromMinutes(1), default)));
        foreach (var c in contexts)
        {
            await c.DisposeAsync();
        }

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task Nodes_share_data_protection_keys_through_the_database_encrypted_with_the_operators_key()
    {
        var kek = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var settings = new Dictionary<string, string> { ["DataProtection:Store"] = "database", ["DataProtection:KeyEncryptionKey"] = kek };
        await using var node1 = await WebHarness.StartAsync(TestDatabase.Postgres, settings);
        await using var node2 = await node1.SecondNodeAsync(settings: settings);
        var secret = node1.App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Protect("signed-in");
        Assert.Equal("signed-in", node2.App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Unprotect(secret));

        await using (var db = node1.Database.NewContext())
        {
            var rows = await db.Set<DataProtectionKeyRecord>().AsNoTracking().ToListAsync();
            Assert.NotEmpty(rows);
            Assert.All(rows, r =>
            {
                Assert.Contains("jikimiEncryptedKey", r.Xml, StringComparison.Ordinal);
                Assert.DoesNotContain("masterKey", r.Xml, StringComparison.Ordinal); // the key material is not readable at rest
            });
        }

        // A node with another key-encryption key cannot read the ring.
        var wrong = new Dictionary<string, string> { ["DataProtection:Store"] = "database", ["DataProtection:KeyEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        await using var node3 = await node1.SecondNodeAsync(settings: wrong);
        Assert.ThrowsAny<CryptographicException>(() => node3.App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Unprotect(secret));
    }

    [Fact]
    public async Task The_database_key_store_without_a_valid_key_encryption_key_refuses_to_start()
    {
        var ex = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => WebHarness.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string> { ["DataProtection:Store"] = "database", ["DataProtection:KeyEncryptionKey"] = "too-short" }));
        Assert.Contains("KeyEncryptionKey", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nodes_starting_together_on_a_new_PostgreSQL_database_migrate_it_once()
    {
        var baseConn = Environment.GetEnvironmentVariable("PG_CONN") ?? throw new InvalidOperationException("PG_CONN is not set");
        var conn = new Npgsql.NpgsqlConnectionStringBuilder(baseConn) { Database = "jikimi_mig_" + Guid.NewGuid().ToString("N")[..16] }.ConnectionString;
        using var dir = new Jikimi.TestSupport.TempDir();
        var options = new JikimiHostOptions { Args = ["--Database:Provider=postgres", $"--ConnectionStrings:Default={conn}", "--urls=http://127.0.0.1:0"], DataDirectory = dir.Path, Announce = _ => { } };
        var apps = Enumerable.Range(0, 3).Select(_ => HostSetup.Build(options)).ToList();
        try
        {
            await Task.WhenAll(apps.Select(a => HostSetup.InitializeAsync(a, options)));
            await using var scope = apps[0].Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Jikimi.Application.Data.JikimiDb>();
            var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
            Assert.Equal(db.Database.GetMigrations().Count(), applied.Count);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Npgsql.NpgsqlConnection.ClearAllPools();
            await db.Database.EnsureDeletedAsync();
        }
        finally
        {
            foreach (var a in apps)
            {
                await a.DisposeAsync();
            }
        }
    }
}
