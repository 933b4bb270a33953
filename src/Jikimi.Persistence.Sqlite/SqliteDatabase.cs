using System.Data.Common;
using Jikimi.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jikimi.Persistence.Sqlite;

/// <summary>SQLite for single-node use: WAL journal, full fsync on commit (an acknowledged write survives a crash).</summary>
public static class SqliteDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name))
            .AddInterceptors(new PragmaInterceptor());

    public static string ConnectionStringFor(string dataDirectory) => $"Data Source={Path.Combine(dataDirectory, "jikimi.db")}";

    private sealed class PragmaInterceptor : DbConnectionInterceptor
    {
        private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=15000;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = Pragmas;
            cmd.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = Pragmas;
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>For `dotnet ef migrations add … --project src/Jikimi.Persistence.Sqlite`.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<JikimiDb>
{
    public JikimiDb CreateDbContext(string[] args) =>
        new((DbContextOptions<JikimiDb>)SqliteDatabase.Configure(new DbContextOptionsBuilder<JikimiDb>(), "Data Source=design-time.db").Options);
}
