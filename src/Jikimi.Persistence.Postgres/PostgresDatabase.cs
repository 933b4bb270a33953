using Jikimi.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jikimi.Persistence.Postgres;

/// <summary>PostgreSQL for larger or multi-node deployments (with the database evidence store).</summary>
public static partial class PostgresDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(WithAutoPrepare(connectionString), o => o.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name).EnableRetryOnFailure(3))
            .AddInterceptors(PostgresUniqueViolations.Instance);

    /// <summary>
    /// Lets Npgsql prepare the statements a connection runs often (planning was most of a hot read's time);
    /// an explicit "Max Auto Prepare" in the connection string wins.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            b.MaxAutoPrepare = 64;
            b.AutoPrepareMinUsages = 2;
        }

        return b.ConnectionString;
    }
}

/// <summary>For `dotnet ef migrations add … --project src/Jikimi.Persistence.Postgres`.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<JikimiDb>
{
    public JikimiDb CreateDbContext(string[] args) =>
        new((DbContextOptions<JikimiDb>)PostgresDatabase.Configure(new DbContextOptionsBuilder<JikimiDb>(), "Host=127.0.0.1;Database=jikimi_design").Options);
}
