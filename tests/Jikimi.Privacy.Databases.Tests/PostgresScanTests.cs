using Npgsql;

namespace Jikimi.Privacy.Databases.Tests;

/// <summary>
/// Runs on the PostgreSQL that scripts/test.sh starts (PG_CONN). Each test class instance gets its own
/// database, dropped afterwards. Without PG_CONN the tests fail: CI always has it.
/// </summary>
public sealed class PostgresScanTests : DatabaseScanTests, IDisposable
{
    private readonly string _admin;
    private readonly string _database = "jikimi_pii_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _conn;

    public PostgresScanTests()
    {
        var baseConn = Environment.GetEnvironmentVariable("PG_CONN");
        if (string.IsNullOrWhiteSpace(baseConn))
        {
            throw new InvalidOperationException("PG_CONN is not set: run `source scripts/ci-services.sh` first (scripts/test.sh does).");
        }

        _admin = new NpgsqlConnectionStringBuilder(baseConn) { Database = "postgres", Pooling = false }.ToString();
        _conn = new NpgsqlConnectionStringBuilder(baseConn) { Database = _database, Pooling = false }.ToString();
        using (var c = new NpgsqlConnection(_admin))
        {
            c.Open();
            Exec(c, $"CREATE DATABASE {_database}");
        }

        Exec("CREATE SCHEMA crm");
        Seed("BIGINT", "id INTEGER PRIMARY KEY");
        Exec("CREATE TABLE crm.notes (id UUID PRIMARY KEY, body JSONB, n INTEGER)");
        Exec("INSERT INTO crm.notes VALUES ('8b0d3c1e-0000-4000-8000-000000000001', '{\"phone\": \"010-1234-5678\"}', 5)");
    }

    protected override DatabaseScanner Scanner => new PostgresScanner(_conn);

    protected override void Exec(string sql)
    {
        using var c = new NpgsqlConnection(_conn);
        c.Open();
        Exec(c, sql);
    }

    [Fact]
    public async Task Schemas_json_columns_and_uuid_keys_are_handled()
    {
        var findings = new List<Finding>();
        await Scanner.ScanAsync(new DatabaseScanOptions { Tables = ["crm.notes"] }, new Detection.PiiDetector(), new Scanning.FindingFactory(Fingerprinter.WithRandomKey()), new Scanning.ScanReport(Confidence.Medium, findings.Add));
        var f = Assert.Single(findings);
        Assert.Equal(("crm.notes", "body", "8b0d3c1e-0000-4000-8000-000000000001"), (f.Location.Table, f.Location.Field, f.Location.RowKey));
    }

    [Fact]
    public void The_source_names_host_and_database_but_no_password()
    {
        var s = new PostgresScanner(_conn + ";Password=hunter2").Source;
        Assert.StartsWith("postgres:127.0.0.1", s, StringComparison.Ordinal);
        Assert.EndsWith("/" + _database, s, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", s, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        using var c = new NpgsqlConnection(_admin);
        c.Open();
        Exec(c, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }
}
