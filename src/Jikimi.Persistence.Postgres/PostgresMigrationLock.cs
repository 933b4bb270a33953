using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Jikimi.Persistence.Postgres;

public static partial class PostgresDatabase
{
    /// <summary>
    /// A session advisory lock that serialises start-up migrations across nodes (ADR 0035). Taken in the server's
    /// "postgres" database (advisory locks are per database, and the application database may not exist yet), keyed by
    /// the application database's name; falls back to the application database when "postgres" is not reachable.
    /// Released when disposed (or when the connection dies with its node).
    /// </summary>
    public static async Task<IAsyncDisposable> MigrationLockAsync(string connectionString, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("jikimi-migrations:" + target.Database)), 0);
        NpgsqlConnection conn;
        try
        {
            conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
            await conn.OpenAsync(ct);
        }
        catch (PostgresException)
        {
            conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await conn.OpenAsync(ct);
        }

        await using (var cmd = new NpgsqlCommand("SELECT pg_advisory_lock(@k)", conn))
        {
            cmd.Parameters.AddWithValue("k", key);
            cmd.CommandTimeout = 0; // wait as long as the migrating node needs
            await cmd.ExecuteNonQueryAsync(ct);
        }

        return new Lock(conn, key);
    }

    private sealed class Lock(NpgsqlConnection conn, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var cmd = new NpgsqlCommand("SELECT pg_advisory_unlock(@k)", conn);
                cmd.Parameters.AddWithValue("k", key);
                await cmd.ExecuteNonQueryAsync();
            }
            finally
            {
                await conn.DisposeAsync(); // closing the session releases the lock anyway
            }
        }
    }
}
