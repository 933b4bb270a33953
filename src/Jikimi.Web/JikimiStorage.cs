using Jikimi.Persistence.Postgres;
using Jikimi.Persistence.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Jikimi.Web;

/// <summary>
/// Chooses the database from configuration (Database:Provider = sqlite | postgres, ConnectionStrings:Default) and
/// lets the chosen persistence project register it. Shared by the web host and the CLI's local commands, which build a
/// plain service provider with it (ADR 0023).
/// </summary>
public static class JikimiStorage
{
    /// <summary>Registers the database; true when it is PostgreSQL (whose change feed a long-running host listens to).</summary>
    public static bool Add(IServiceCollection services, IConfiguration config, string dataDirectory)
    {
        var connection = config.GetConnectionString("Default");
        if (string.Equals(config["Database:Provider"] ?? "sqlite", "postgres", StringComparison.OrdinalIgnoreCase))
        {
            services.AddJikimiPostgres(connection ?? throw new InvalidOperationException("Database:Provider=postgres needs ConnectionStrings:Default"));
            return true;
        }

        services.AddJikimiSqlite(connection ?? SqliteDatabase.ConnectionStringFor(dataDirectory));
        return false;
    }
}
