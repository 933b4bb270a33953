using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Jikimi.Privacy.Databases;

/// <summary>A SQLite database file, opened read-only. Row key: rowid (row number for WITHOUT ROWID tables).</summary>
public sealed class SqliteScanner(string file) : DatabaseScanner
{
    public override string Source => "sqlite:" + Path.GetFullPath(file);

    protected override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            throw new FileNotFoundException("SQLite database not found", file);
        }

        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await c.OpenAsync(ct);
        return c;
    }

    protected override async Task<IReadOnlyList<ScannedTable>> TablesAsync(DbConnection connection, CancellationToken ct)
    {
        var names = new List<string>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                names.Add(r.GetString(0));
            }
        }

        var tables = new List<ScannedTable>();
        foreach (var name in names)
        {
            var columns = new List<ScannedColumn>();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT name, type FROM pragma_table_info({Literal(name)})";
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var type = r.GetString(1);
                if (TextLike(type))
                {
                    columns.Add(new ScannedColumn(r.GetString(0), type));
                }
            }

            tables.Add(new ScannedTable(string.Empty, name, columns));
        }

        return tables;
    }

    /// <summary>SQLite affinity: TEXT and NUMERIC/INTEGER (an RRN or phone may be stored as a number); not BLOB or REAL.</summary>
    private static bool TextLike(string declared)
    {
        var t = declared.ToUpperInvariant();
        return !(t.Contains("BLOB", StringComparison.Ordinal) || t.Contains("REAL", StringComparison.Ordinal) || t.Contains("FLOA", StringComparison.Ordinal) || t.Contains("DOUB", StringComparison.Ordinal));
    }

    protected override async Task<string> SelectAsync(DbConnection connection, ScannedTable table, int? sample, CancellationToken ct)
    {
        var key = await HasRowIdAsync(connection, table, ct) ? "CAST(rowid AS TEXT)" : "NULL";
        var cols = string.Join(", ", table.Columns.Select(c => $"CAST({Quote(c.Name)} AS TEXT)"));
        var limit = sample is { } n ? " LIMIT " + n.ToString(CultureInfo.InvariantCulture) : string.Empty;
        return $"SELECT {key}, {cols} FROM {Quote(table.Name)}{limit}";
    }

    private static async Task<bool> HasRowIdAsync(DbConnection connection, ScannedTable table, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT rowid FROM {Quote(table.Name)} LIMIT 0";
        try
        {
            await using var r = await cmd.ExecuteReaderAsync(ct);
            return true;
        }
        catch (SqliteException)
        {
            return false; // WITHOUT ROWID
        }
    }

    private static string Literal(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
}
