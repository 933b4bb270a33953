using Jikimi.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jikimi.Persistence.Postgres;

/// <summary>PostgreSQL for larger or multi-node deployments (with the database evidence store).</summary>
public static class PostgresDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name).EnableRetryOnFailure(3));
}

/// <summary>For `dotnet ef migrations add … --project src/Jikimi.Persistence.Postgres`.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<JikimiDb>
{
    public JikimiDb CreateDbContext(string[] args) =>
        new((DbContextOptions<JikimiDb>)PostgresDatabase.Configure(new DbContextOptionsBuilder<JikimiDb>(), "Host=127.0.0.1;Database=jikimi_design").Options);
}
