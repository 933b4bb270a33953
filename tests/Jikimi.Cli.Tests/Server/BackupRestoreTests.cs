using System.Security.Cryptography;
using System.Text.Json;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Evidence;
using Jikimi.Application.Readiness;
using Jikimi.Domain.Organizations;
using Jikimi.TestSupport;
using Jikimi.TestSupport.Data;
using Jikimi.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Cli.Tests.Server;

/// <summary>Issue 21: `jikimi backup` and `jikimi restore` on SQLite and PostgreSQL.</summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly TempDir _source = new();
    private readonly TempDir _target = new();
    private readonly TempDir _backups = new();
    private readonly List<string> _pgDatabases = [];

    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_backup_restored_into_an_empty_instance_has_the_same_bytes_trail_readiness_and_keys(string provider)
    {
        var sourceDb = DatabaseArgs(provider);
        var targetDb = DatabaseArgs(provider);
        var secret = await SeedAsync(sourceDb);
        var backup = Path.Combine(_backups.Path, "b1");

        var b = await RunAsync(_source.Path, ["backup", "--out", backup, .. sourceDb]);
        Assert.True(b.Code == 0, b.Err);
        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(backup, "manifest.json"))).RootElement;
        Assert.Equal("jikimi-backup/1", manifest.GetProperty("format").GetString());
        Assert.Contains(manifest.GetProperty("files").EnumerateArray(), f => f.GetProperty("path").GetString()!.StartsWith("evidence/", StringComparison.Ordinal));
        Assert.Contains(manifest.GetProperty("files").EnumerateArray(), f => f.GetProperty("path").GetString()!.StartsWith("keys/", StringComparison.Ordinal));

        var r = await RunAsync(_target.Path, ["restore", backup, .. targetDb]);
        Assert.True(r.Code == 0, r.Err);

        var before = await SnapshotAsync(_source.Path, sourceDb, secret);
        var after = await SnapshotAsync(_target.Path, targetDb, secret);
        Assert.NotEmpty(before.Evidence);
        Assert.Equal(before.Evidence.Keys.Order(), after.Evidence.Keys.Order());
        foreach (var (sha, bytes) in before.Evidence)
        {
            Assert.Equal(bytes, after.Evidence[sha]);
            Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(after.Evidence[sha])));
        }

        Assert.True(after.Trail.Intact);
        Assert.Equal(before.Trail.Events, after.Trail.Events);
        Assert.True(after.Trail.Events > 0);
        Assert.Equal(before.Readiness, after.Readiness);
        // The data-protection keys came along: what the old instance protected, the restored one can read.
        Assert.Equal("kept", after.Unprotected);

        // Restoring again into the now non-empty instance is refused and changes nothing.
        var again = await RunAsync(_target.Path, ["restore", backup, .. targetDb]);
        Assert.Equal(1, again.Code);
        Assert.Contains("not empty", again.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_before_anything_is_written()
    {
        var db = DatabaseArgs(TestDatabase.Sqlite);
        await SeedAsync(db);
        var backup = Path.Combine(_backups.Path, "b2");
        Assert.Equal(0, (await RunAsync(_source.Path, ["backup", "--out", backup])).Code);
        var evidence = Directory.EnumerateFiles(Path.Combine(backup, "evidence"), "*", SearchOption.AllDirectories).First();
        await File.AppendAllTextAsync(evidence, "x");

        var r = await RunAsync(_target.Path, ["restore", backup]);
        Assert.Equal(1, r.Code);
        Assert.Contains("damaged", r.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_target.Path, "jikimi.db")));
        Assert.False(Directory.Exists(Path.Combine(_target.Path, "evidence")));

        // And a backup never overwrites: the same folder twice is refused.
        Assert.Equal(1, (await RunAsync(_source.Path, ["backup", "--out", backup])).Code);
    }

    private string[] DatabaseArgs(string provider)
    {
        if (provider == TestDatabase.Sqlite)
        {
            return [];
        }

        var baseConn = Environment.GetEnvironmentVariable("PG_CONN") ?? throw new InvalidOperationException("PG_CONN is not set (scripts/test.sh starts PostgreSQL)");
        var name = "jikimi_bk_" + Guid.NewGuid().ToString("N")[..16];
        _pgDatabases.Add(name);
        return ["--database", "postgres", "--connection", new Npgsql.NpgsqlConnectionStringBuilder(baseConn) { Database = name }.ConnectionString];
    }

    private static string[] HostArgs(string[] db) =>
        db.Length == 0 ? [] : [$"--Database:Provider={db[1]}", $"--ConnectionStrings:Default={db[3]}"];

    /// <summary>The demo workspace (organization, assessment, evidence files, audit events) and one protected secret.</summary>
    private async Task<string> SeedAsync(string[] db)
    {
        var options = new JikimiHostOptions { Args = HostArgs(db), DataDirectory = _source.Path, Demo = true, Announce = _ => { } };
        await using var app = HostSetup.Build(options);
        await HostSetup.InitializeAsync(app, options);
        return app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("backup-test").Protect("kept");
    }

    private sealed record Snapshot(Dictionary<string, byte[]> Evidence, AuditTrailReport Trail, string Readiness, string Unprotected);

    private static async Task<Snapshot> SnapshotAsync(string dataDir, string[] db, string secret)
    {
        await using var app = HostSetup.Build(new JikimiHostOptions { Args = HostArgs(db), DataDirectory = dataDir, Announce = _ => { } });
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var ctx = sp.GetRequiredService<JikimiDb>();
        var org = await ctx.Organizations.AsNoTracking().SingleAsync();
        ctx.UseTenant(org.Id);
        var store = sp.GetRequiredService<IEvidenceStore>();
        var evidence = new Dictionary<string, byte[]>();
        foreach (var sha in await ctx.EvidenceVersions.AsNoTracking().Select(v => v.Sha256).Distinct().ToListAsync())
        {
            await using var s = (await store.OpenAsync(sha, default))!;
            using var ms = new MemoryStream();
            await s.CopyToAsync(ms);
            evidence[sha] = ms.ToArray();
        }

        var trail = await sp.GetRequiredService<VerifyAuditTrail>().Handle(default);
        var assessment = await ctx.Assessments.AsNoTracking().Select(a => a.Id).FirstAsync();
        var access = new OrgAccess(org.Id, Role.Administrator, new Actor(Guid.Empty, "test", IsSystemAdministrator: true));
        var readiness = await sp.GetRequiredService<GetReadiness>().Handle(access, assessment, includeControls: true, default);
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("backup-test");
        return new Snapshot(evidence, trail, JsonSerializer.Serialize(readiness.Value), protector.Unprotect(secret));
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(string dataDir, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await JikimiCli.RunAsync([.. args, "--lang", "en"], CliContext.ForWriters(output, error, dataDir));
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var name in _pgDatabases)
        {
            try
            {
                var admin = new Npgsql.NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("PG_CONN")!) { Database = "postgres", Pooling = false };
                using var conn = new Npgsql.NpgsqlConnection(admin.ConnectionString);
                conn.Open();
                using var cmd = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
                cmd.ExecuteNonQuery();
            }
            catch (Npgsql.NpgsqlException)
            {
                // a leftover test database is harmless
            }
        }

        _source.Dispose();
        _target.Dispose();
        _backups.Dispose();
    }
}
