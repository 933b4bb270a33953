using Jikimi.TestSupport;
using Microsoft.Data.Sqlite;

namespace Jikimi.Privacy.Databases.Tests;

public sealed class SqliteScanTests : DatabaseScanTests, IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _file;

    public SqliteScanTests()
    {
        _file = _dir.File("app.db");
        Seed("INTEGER", "id INTEGER PRIMARY KEY");
        Exec("CREATE TABLE tags (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID");
        Exec("INSERT INTO tags VALUES ('a', 'x'), ('b', 'mail hong@example.com')");
    }

    protected override DatabaseScanner Scanner => new SqliteScanner(_file);

    protected override void Exec(string sql)
    {
        using var c = new SqliteConnection($"Data Source={_file};Pooling=False");
        c.Open();
        Exec(c, sql);
    }

    [Fact]
    public async Task Without_rowid_tables_use_the_row_number_and_the_file_is_opened_read_only()
    {
        var findings = new List<Finding>();
        var before = File.GetLastWriteTimeUtc(_file);
        var report = new Scanning.ScanReport(Confidence.Medium, findings.Add);
        await Scanner.ScanAsync(new DatabaseScanOptions { Tables = ["tags"] }, new Detection.PiiDetector(), new Scanning.FindingFactory(Fingerprinter.WithRandomKey()), report);
        Assert.Equal("#2", Assert.Single(findings).Location.RowKey);
        Assert.Equal(before, File.GetLastWriteTimeUtc(_file));
    }

    [Fact]
    public async Task A_missing_file_fails_clearly()
    {
        var ex = await Assert.ThrowsAsync<FileNotFoundException>(() => new SqliteScanner(_dir.File("none.db")).ScanAsync(new(), new Detection.PiiDetector(), new Scanning.FindingFactory(Fingerprinter.WithRandomKey()), new Scanning.ScanReport(Confidence.Medium)));
        Assert.Contains("none.db", ex.FileName, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
