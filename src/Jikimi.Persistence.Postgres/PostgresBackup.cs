using System.Diagnostics;
using Npgsql;

namespace Jikimi.Persistence.Postgres;

/// <summary>
/// `jikimi backup`/`restore` on PostgreSQL through pg_dump and pg_restore (custom format): pg_dump reads one
/// snapshot, so the copy is consistent while the nodes keep writing. The tools come from PATH (Debian:
/// postgresql-client); the password travels in PGPASSWORD, never on the command line.
/// </summary>
public static class PostgresBackup
{
    public static Task DumpAsync(string connectionString, string file, CancellationToken ct) =>
        RunAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--no-privileges", "--file", file], ct);

    /// <summary>True when the database is missing or has no table: the only state a restore writes into.</summary>
    public static async Task<bool> IsEmptyAsync(string connectionString, CancellationToken ct)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (!await ExistsAsync(b, ct))
        {
            return true;
        }

        await using var conn = new NpgsqlConnection(b.ConnectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", conn);
        return (long)(await cmd.ExecuteScalarAsync(ct))! == 0;
    }

    /// <summary>Creates the database when missing, then restores in one transaction: all of it or nothing.</summary>
    public static async Task RestoreAsync(string file, string connectionString, CancellationToken ct)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (!await ExistsAsync(b, ct))
        {
            var admin = new NpgsqlConnectionStringBuilder(b.ConnectionString) { Database = "postgres", Pooling = false };
            await using var conn = new NpgsqlConnection(admin.ConnectionString);
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{b.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await RunAsync("pg_restore", connectionString, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", file], ct);
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnectionStringBuilder b, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(b.ConnectionString) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        cmd.Parameters.AddWithValue("n", b.Database ?? string.Empty);
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    private static async Task RunAsync(string tool, string connectionString, string[] args, CancellationToken ct)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("--host=" + (b.Host ?? "localhost"));
        psi.ArgumentList.Add("--port=" + b.Port);
        if (!string.IsNullOrEmpty(b.Username))
        {
            psi.ArgumentList.Add("--username=" + b.Username);
        }

        psi.ArgumentList.Add("--no-password");
        psi.ArgumentList.Add("--dbname=" + b.Database);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        if (!string.IsNullOrEmpty(b.Password))
        {
            psi.Environment["PGPASSWORD"] = b.Password;
        }

        Process process;
        try
        {
            process = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"{tool} was not found on PATH (Debian: apt-get install postgresql-client).");
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} failed (exit {process.ExitCode}): {(await stderr).Trim()}");
            }
        }
    }
}
