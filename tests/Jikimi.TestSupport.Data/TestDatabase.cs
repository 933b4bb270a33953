using Jikimi.Application.Data;
using Jikimi.Persistence.Postgres;
using Jikimi.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.TestSupport.Data;

/// <summary>
/// A real, freshly migrated database: a SQLite file in a temp folder, or a new PostgreSQL database on the server
/// that scripts/test.sh starts (PG_CONN). Never a mock. Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly TempDir _temp = new();

    private TestDatabase(string provider) => Provider = provider;

    public string Provider { get; }
    public string ConnectionString { get; private set; } = string.Empty;
    public string DataDirectory => _temp.Path;

    public static TheoryData<string> Providers => new(Sqlite, Postgres);

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var db = new TestDatabase(provider);
        if (provider == Postgres)
        {
            var baseConn = Environment.GetEnvironmentVariable("PG_CONN");
            if (string.IsNullOrWhiteSpace(baseConn))
            {
                throw new InvalidOperationException("PG_CONN is not set: run the tests through scripts/test.sh, which starts PostgreSQL on 127.0.0.1:55432 (or `source scripts/ci-services.sh`).");
            }

            var builder = new Npgsql.NpgsqlConnectionStringBuilder(baseConn) { Database = "jikimi_t_" + Guid.NewGuid().ToString("N")[..20], Pooling = true, MaxPoolSize = 40 };
            db.ConnectionString = builder.ConnectionString;
        }
        else
        {
            db.ConnectionString = SqliteDatabase.ConnectionStringFor(db.DataDirectory);
        }

        await using var ctx = db.NewContext();
        await ctx.Database.MigrateAsync();
        return db;
    }

    public void Configure(DbContextOptionsBuilder builder)
    {
        if (Provider == Postgres)
        {
            PostgresDatabase.Configure(builder, ConnectionString);
        }
        else
        {
            SqliteDatabase.Configure(builder, ConnectionString);
        }
    }

    public JikimiDb NewContext()
    {
        var b = new DbContextOptionsBuilder<JikimiDb>();
        Configure(b);
        return new JikimiDb(b.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == Postgres)
        {
            await using var ctx = NewContext();
            Npgsql.NpgsqlConnection.ClearAllPools();
            await ctx.Database.EnsureDeletedAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        _temp.Dispose();
    }
}
