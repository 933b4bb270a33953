using System.Data.Common;
using Jikimi.Privacy.Detection;
using Jikimi.Privacy.Scanning;

namespace Jikimi.Privacy.Databases.Tests;

/// <summary>The same assertions on a real SQLite file and a real PostgreSQL database.</summary>
public abstract class DatabaseScanTests
{
    protected const string Rrn = "960121-1021413";
    protected const string Phone = "010-1234-5678";
    protected const string Email = "hong@example.com";

    protected abstract DatabaseScanner Scanner { get; }

    /// <summary>Runs DDL/DML on the test database.</summary>
    protected abstract void Exec(string sql);

    protected void Seed(string intType, string idColumn)
    {
        Exec($"CREATE TABLE customers ({idColumn}, name TEXT, rrn VARCHAR(20), phone TEXT, memo TEXT, balance {intType}, score REAL)");
        for (var i = 1; i <= 30; i++)
        {
            var rrn = i == 7 ? Rrn : "000000-0000000";
            Exec($"INSERT INTO customers (id, name, rrn, phone, memo, balance, score) VALUES ({i}, '고객{i}', '{rrn}', '{(i % 10 == 0 ? Phone : "없음")}', '메모 {i}\n이메일: {(i == 15 ? Email : "-")}', {(i == 20 ? "9601211021413" : i.ToString(System.Globalization.CultureInfo.InvariantCulture))}, 1.5)");
        }

        // A table whose key is itself personal data: the key must not be used as the row key.
        Exec($"CREATE TABLE members (member_no {intType} PRIMARY KEY, note TEXT)");
        Exec($"INSERT INTO members VALUES (9601211021413, '연락처 {Phone}')");
        Exec("CREATE TABLE empty_numbers (v REAL)");
    }

    private static (ScanReport Report, List<Finding> Findings, IReadOnlyList<ScannedTable> Tables) Run(DatabaseScanner scanner, DatabaseScanOptions options)
    {
        var findings = new List<Finding>();
        var report = new ScanReport(Confidence.Medium, findings.Add);
        var tables = scanner.ScanAsync(options, new PiiDetector(), new FindingFactory(Fingerprinter.WithRandomKey()), report).GetAwaiter().GetResult();
        return (report, findings, tables);
    }

    [Fact]
    public void A_full_scan_finds_every_value_located_by_table_column_and_row_key()
    {
        var (report, findings, tables) = Run(Scanner, new DatabaseScanOptions());
        Assert.Contains(tables, t => t.Name == "customers");
        Assert.DoesNotContain(tables, t => t.Name == "empty_numbers"); // no text-like column
        var customers = findings.Where(f => f.Location.Table!.EndsWith("customers", StringComparison.Ordinal)).ToList();
        var rrn = Assert.Single(customers, f => f.Type == PiiType.KrRrn && f.Location.Field == "rrn");
        Assert.Equal(("7", "960121-1******"), (rrn.Location.RowKey, rrn.Masked));
        Assert.Equal(3, customers.Count(f => f.Type == PiiType.Phone));
        var email = Assert.Single(customers, f => f.Type == PiiType.Email);
        Assert.Equal(("memo", "15", 2L, 6L), (email.Location.Field, email.Location.RowKey, email.Location.Line, email.Location.Column));
        Assert.Equal(Scanner.Source, email.Location.Path);
        Assert.Equal(tables.Count, report.Files);
    }

    [Fact]
    public async Task A_summary_only_scan_counts_per_table_column_like_one_with_records()
    {
        var (full, findings, _) = Run(Scanner, new DatabaseScanOptions());
        var summary = new ScanReport(Confidence.Medium);
        await Scanner.ScanAsync(new DatabaseScanOptions(), new PiiDetector(), new FindingFactory(Fingerprinter.WithRandomKey()), summary);
        Assert.Null(summary.FindingsFrom);
        Assert.Equal(findings.Count, summary.Total);
        Assert.Equal(full.ByType(), summary.ByType());
        var places = summary.TopPlaces(20).ToDictionary(p => p.Place, p => p.Total);
        Assert.Equal(findings.GroupBy(f => f.Location.Place).ToDictionary(g => g.Key, g => (long)g.Count()), places);
        Assert.Contains(places.Keys, p => p.EndsWith("customers.phone", StringComparison.Ordinal));
        Assert.Equal(3, places.Single(p => p.Key.EndsWith("customers.phone", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public void Numbers_stored_as_integers_are_scanned()
    {
        var (_, findings, _) = Run(Scanner, new DatabaseScanOptions());
        var rrn = Assert.Single(findings, f => f.Location.Field == "balance");
        Assert.Equal((PiiType.KrRrn, "20", Confidence.Medium), (rrn.Type, rrn.Location.RowKey, rrn.Confidence));
    }

    [Fact]
    public void A_key_that_is_personal_data_is_replaced_by_the_row_number()
    {
        var (_, findings, _) = Run(Scanner, new DatabaseScanOptions { Tables = ["members"] });
        Assert.Equal([("member_no", PiiType.KrRrn), ("note", PiiType.Phone)], findings.Select(f => (f.Location.Field!, f.Type)).Order());
        Assert.All(findings, f => Assert.Equal("#1", f.Location.RowKey));
        Assert.DoesNotContain(findings, x => (x.Location.RowKey ?? string.Empty).Contains("960121", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sample_reads_the_first_rows_of_each_table_only()
    {
        var (_, findings, _) = Run(Scanner, new DatabaseScanOptions { Tables = ["customers"], SampleRows = 10 });
        Assert.Equal([PiiType.KrRrn, PiiType.Phone], findings.Select(f => f.Type).Order());
    }

    [Fact]
    public void Unknown_tables_are_reported_as_skipped()
    {
        var (report, findings, tables) = Run(Scanner, new DatabaseScanOptions { Tables = ["nope"] });
        Assert.Empty(tables);
        Assert.Empty(findings);
        Assert.Contains(report.Skipped, s => s.Path.EndsWith("nope", StringComparison.Ordinal));
    }

    protected static void Exec(DbConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
