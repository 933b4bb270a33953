using Jikimi.Application;
using Jikimi.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Persistence.Sqlite;

/// <summary>
/// SQLite for single-node use: WAL journal (set once, it is stored in the file) and SQLite's default
/// synchronous=FULL, so every commit is fsynced before it is acknowledged. Busy waits are retried by
/// Microsoft.Data.Sqlite (command timeout). No per-connection pragmas: they cost a round trip on every pooled open.
/// </summary>
public static class SqliteDatabase
{
    /// <summary>Registers <see cref="JikimiDb"/> on SQLite (the file under the data directory unless a connection string is given).</summary>
    public static IServiceCollection AddJikimiSqlite(this IServiceCollection services, string connectionString) =>
        services.AddJikimiDatabase(o => Configure(o, connectionString));

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name))
            .AddInterceptors(SqliteUniqueViolations.Instance);

    /// <summary>Switches the database file to write-ahead logging (persistent; run once at start).</summary>
    public static async Task EnableWalAsync(DbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=WAL;";
            await cmd.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static string ConnectionStringFor(string dataDirectory) => $"Data Source={Path.Combine(dataDirectory, "jikimi.db")}";
}

/// <summary>For `dotnet ef migrations add … --project src/Jikimi.Persistence.Sqlite`.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<JikimiDb>
{
    public JikimiDb CreateDbContext(string[] args) =>
        new((DbContextOptions<JikimiDb>)SqliteDatabase.Configure(new DbContextOptionsBuilder<JikimiDb>(), "Data Source=design-time.db").Options);
}
