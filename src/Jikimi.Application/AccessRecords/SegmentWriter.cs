using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;
using Jikimi.Domain.AccessRecords;
using Jikimi.Privacy.AccessRecords;

namespace Jikimi.Application.AccessRecords;

/// <summary>
/// Sorts normalized records into one in-memory DuckDB table per KST day and writes each as a ZSTD-compressed Parquet
/// file (ADR 0054). The data-subject value never reaches the table: only its HMAC-SHA-256 under the installation key
/// and a masked form (first and last character).
/// </summary>
internal sealed class SegmentWriter(byte[] subjectKey, DateOnly today) : IDisposable
{
    public static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    private const string Columns =
        "line BIGINT, account VARCHAR, access_time TIMESTAMP, source VARCHAR, subject_hash VARCHAR, subject_masked VARCHAR, " +
        "action VARCHAR, action_word VARCHAR, records BIGINT, file VARCHAR, reason VARCHAR";

    private readonly DuckDBConnection _db = Open();
    private readonly Dictionary<DateOnly, Day> _days = [];

    private sealed class Day(DuckDBAppender appender)
    {
        public DuckDBAppender Appender { get; } = appender;
        public long[] Counts { get; } = new long[6]; // records, then missing account, time, source, subject, action
    }

    public sealed record Written(DateOnly Day, string File, AccessRecordSegment.Counts Counts);

    private static DuckDBConnection Open()
    {
        var c = new DuckDBConnection("Data Source=:memory:");
        c.Open();
        return c;
    }

    public void Add(AccessRecord r)
    {
        var day = r.Time is { } t ? DateOnly.FromDateTime(t.ToOffset(Kst).DateTime) : today;
        if (!_days.TryGetValue(day, out var d))
        {
            Exec($"CREATE TABLE {Table(day)} ({Columns})");
            _days[day] = d = new Day(_db.CreateAppender(Table(day)));
        }

        d.Counts[0]++;
        foreach (var m in r.Missing())
        {
            d.Counts[1 + Array.IndexOf(AccessLogMapping.RequiredItems, m)]++;
        }

        var row = d.Appender.CreateRow().AppendValue(r.Line).AppendValue(r.Account);
        row = r.Time is { } at ? row.AppendValue(at.UtcDateTime) : row.AppendNullValue();
        row = row.AppendValue(r.Source);
        row = r.Subject.Length == 0 ? row.AppendNullValue().AppendNullValue() : row.AppendValue(Hash(r.Subject)).AppendValue(Mask(r.Subject));
        row = row.AppendValue(r.Action.ToWire()).AppendValue(r.ActionWord);
        row = r.Records is { } n ? row.AppendValue(n) : row.AppendNullValue();
        row.AppendValue(r.File).AppendValue(r.Reason).EndRow();
    }

    /// <summary>Writes one Parquet file per day into <paramref name="directory"/>, days in order.</summary>
    public IReadOnlyList<Written> Finish(string directory)
    {
        var written = new List<Written>();
        foreach (var (day, d) in _days.OrderBy(p => p.Key))
        {
            d.Appender.Close();
            var file = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd}.parquet"));
            Exec($"COPY (SELECT * FROM {Table(day)} ORDER BY access_time, line) TO '{file.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT PARQUET, COMPRESSION ZSTD)");
            var c = d.Counts;
            written.Add(new Written(day, file, new AccessRecordSegment.Counts(c[0], c[1], c[2], c[3], c[4], c[5])));
        }

        return written;
    }

    public string Hash(string subject) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(subjectKey, Encoding.UTF8.GetBytes(subject)));

    /// <summary>Keeps the first and last character (one for short values); enough for a person to tell records apart.</summary>
    public static string Mask(string value)
    {
        var chars = value.EnumerateRunes().Select(r => r.ToString()).ToArray();
        return chars.Length switch
        {
            1 => "*",
            2 => chars[0] + "*",
            _ => chars[0] + new string('*', Math.Min(chars.Length - 2, 8)) + chars[^1],
        };
    }

    private static string Table(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"d{day:yyyyMMdd}");

    private void Exec(string sql)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var d in _days.Values)
        {
            d.Appender.Dispose();
        }

        _db.Dispose();
    }
}
