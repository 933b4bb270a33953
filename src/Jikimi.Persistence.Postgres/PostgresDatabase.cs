using Jikimi.Application;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jikimi.Persistence.Postgres;

/// <summary>PostgreSQL for larger or multi-node deployments (with the database evidence store).</summary>
public static partial class PostgresDatabase
{
    /// <summary>
    /// Registers <see cref="JikimiDb"/> on PostgreSQL and the change feed (LISTEN/NOTIFY) that keeps other nodes'
    /// read caches fresh; a long-running host starts listening on it, a one-shot command need not.
    /// </summary>
    public static IServiceCollection AddJikimiPostgres(this IServiceCollection services, string connectionString)
    {
        services.AddJikimiDatabase(o => Configure(o, connectionString));
        services.AddSingleton(sp => new PostgresChangeFeed(connectionString, sp.GetRequiredService<ReadCache>(), sp.GetRequiredService<ILogger<PostgresChangeFeed>>()));
        services.AddSingleton<IChangeFeed>(sp => sp.GetRequiredService<PostgresChangeFeed>());
        return services;
    }

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
