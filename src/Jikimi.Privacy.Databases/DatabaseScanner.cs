using System.Data.Common;
using System.Globalization;
using Jikimi.Privacy.Detection;
using Jikimi.Privacy.Scanning;

namespace Jikimi.Privacy.Databases;

/// <summary>
/// Streams the rows of every text-like column of every table (or the chosen ones), a full scan or the first N
/// rows per table, through the detector. Rows are read one at a time (sequential access); findings are located
/// by source, table, column and row key. Row keys are the primary key or rowid/ctid, never a value that itself
/// looks like personal information.
/// </summary>
public abstract class DatabaseScanner
{
    private static readonly PiiDetector KeyCheck = new(new DetectorOptions { MinConfidence = Confidence.Low });

    /// <summary>The source as shown in findings ("sqlite:/data/app.db", "postgres:host/db"); never a password.</summary>
    public abstract string Source { get; }

    protected abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    protected abstract Task<IReadOnlyList<ScannedTable>> TablesAsync(DbConnection connection, CancellationToken ct);

    /// <summary>SELECT of the row key (as text, or NULL) followed by the columns as text.</summary>
    protected abstract Task<string> SelectAsync(DbConnection connection, ScannedTable table, int? sample, CancellationToken ct);

    protected static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Scans and returns the tables that were read.</summary>
    public async Task<IReadOnlyList<ScannedTable>> ScanAsync(DatabaseScanOptions options, PiiDetector detector, FindingFactory factory, IScanObserver observer, ScanProgress? progress = null, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        var tables = (await TablesAsync(connection, ct)).Where(t => t.Matches(options.Tables) && t.Columns.Count > 0).ToList();
        if (options.Tables is not null)
        {
            foreach (var missing in options.Tables.Where(f => !tables.Any(t => t.Matches([f]))))
            {
                observer.OnSkipped($"{Source} {missing}", "no such table, or no text columns");
            }
        }

        var cells = new CellScanner(detector, factory, observer, progress);
        try
        {
            foreach (var table in tables)
            {
                var before = cells.Bytes;
                await ScanTableAsync(connection, table, options.SampleRows, cells, ct);
                cells.Flush();
                progress?.AddFile();
                observer.OnFileScanned($"{Source} {table.QualifiedName}", cells.Bytes - before);
            }
        }
        finally
        {
            cells.Flush();
            cells.Release();
        }

        return tables;
    }

    private async Task ScanTableAsync(DbConnection connection, ScannedTable table, int? sample, CellScanner cells, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = await SelectAsync(connection, table, sample, ct);
        await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        long ordinal = 0;
        while (await reader.ReadAsync(ct))
        {
            ordinal++;
            var key = await reader.IsDBNullAsync(0, ct) ? null : reader.GetString(0);
            var rowKey = key is null || key.Length > 64 || HasKeyFinding(key)
                ? "#" + ordinal.ToString(CultureInfo.InvariantCulture)
                : key;
            var where = new Location { Path = Source, Table = table.QualifiedName, RowKey = rowKey };
            for (var i = 0; i < table.Columns.Count; i++)
            {
                if (await reader.IsDBNullAsync(i + 1, ct))
                {
                    continue;
                }

                cells.Scan(reader.GetString(i + 1), where with { Field = table.Columns[i].Name });
            }
        }
    }

    private static bool HasKeyFinding(string key)
    {
        var probe = new KeyProbe();
        KeyCheck.ScanAll(System.Text.Encoding.UTF8.GetBytes(key), probe);
        return probe.Found;
    }

    private sealed class KeyProbe : IMatchSink
    {
        public bool Found { get; private set; }

        public void OnMatch(in PiiMatch match, ReadOnlySpan<byte> value) => Found = true;
    }
}
