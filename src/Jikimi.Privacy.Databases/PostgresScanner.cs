using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Jikimi.Privacy.Databases;

/// <summary>
/// PostgreSQL tables by connection string. Text-like columns: text, varchar, char, json, jsonb, xml, bigint and
/// numeric (identifiers stored as numbers). Row key: a single-column integer or uuid primary key, else ctid.
/// </summary>
public sealed class PostgresScanner(string connectionString) : DatabaseScanner
{
    private static readonly string[] Types = ["text", "character varying", "character", "json", "jsonb", "xml", "bigint", "numeric", "citext"];

    public override string Source
    {
        get
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"postgres:{b.Host}{(b.Port is 5432 or 0 ? string.Empty : ":" + b.Port.ToString(CultureInfo.InvariantCulture))}/{b.Database}";
        }
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync(ct);
        return c;
    }

    protected override async Task<IReadOnlyList<ScannedTable>> TablesAsync(DbConnection connection, CancellationToken ct)
    {
        var map = new Dictionary<(string, string), List<ScannedColumn>>();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT t.table_schema, t.table_name, c.column_name, c.data_type, c.udt_name
            FROM information_schema.tables t
            LEFT JOIN information_schema.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name
            WHERE t.table_type = 'BASE TABLE' AND t.table_schema NOT IN ('pg_catalog', 'information_schema')
            ORDER BY t.table_schema, t.table_name, c.ordinal_position
            """;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var key = (r.GetString(0), r.GetString(1));
            if (!map.TryGetValue(key, out var cols))
            {
                map[key] = cols = [];
            }

            if (!r.IsDBNull(2) && (Types.Contains(r.GetString(3)) || Types.Contains(r.GetString(4))))
            {
                cols.Add(new ScannedColumn(r.GetString(2), r.GetString(3)));
            }
        }

        return map.Select(kv => new ScannedTable(kv.Key.Item1, kv.Key.Item2, kv.Value)).ToList();
    }

    protected override async Task<string> SelectAsync(DbConnection connection, ScannedTable table, int? sample, CancellationToken ct)
    {
        var key = await PrimaryKeyAsync(connection, table, ct) is { } pk ? Quote(pk) + "::text" : "ctid::text";
        var cols = string.Join(", ", table.Columns.Select(c => Quote(c.Name) + "::text"));
        var limit = sample is { } n ? " LIMIT " + n.ToString(CultureInfo.InvariantCulture) : string.Empty;
        return $"SELECT {key}, {cols} FROM {Quote(table.Schema)}.{Quote(table.Name)}{limit}";
    }

    private static async Task<string?> PrimaryKeyAsync(DbConnection connection, ScannedTable table, CancellationToken ct)
    {
        await using var cmd = (NpgsqlCommand)connection.CreateCommand();
        cmd.CommandText = """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod)
            FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE i.indisprimary AND i.indrelid = (quote_ident(@s) || '.' || quote_ident(@t))::regclass
            """;
        cmd.Parameters.AddWithValue("s", table.Schema);
        cmd.Parameters.AddWithValue("t", table.Name);
        var keys = new List<(string Name, string Type)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            keys.Add((r.GetString(0), r.GetString(1)));
        }

        return keys is [var k] && k.Type is "integer" or "bigint" or "smallint" or "uuid" ? k.Name : null;
    }
}
