using System.Globalization;
using Jikimi.Input;

namespace Jikimi.Privacy.AccessRecords.Readers;

/// <summary>
/// PostgreSQL's csvlog (<c>log_destination = 'csvlog'</c>): no header, columns by position (22 up to version 12,
/// 23 with backend_type in 13, 26 from 14), messages may span lines inside quotes — read by the one CSV parser of
/// <c>Jikimi.Input</c>. Columns are named as the PostgreSQL manual names them; any other name is a key=value pair in
/// the message (e.g. a sqlcommenter comment <c>/*subject='C1'*/</c> the application adds to its statements).
/// <c>connection_from</c> loses its <c>:port</c>; <c>log_time</c> carries a zone abbreviation (UTC, GMT, KST or ±hh).
/// </summary>
public sealed class PostgresCsvAccessLogReader : IAccessLogReader
{
    public static readonly string[] Columns =
    [
        "log_time", "user_name", "database_name", "process_id", "connection_from", "session_id", "session_line_num",
        "command_tag", "session_start_time", "virtual_transaction_id", "transaction_id", "error_severity", "sql_state_code",
        "message", "detail", "hint", "internal_query", "internal_query_pos", "context", "query", "query_pos", "location",
        "application_name", "backend_type", "leader_pid", "query_id",
    ];

    private const int MinColumns = 22;
    private const int Message = 13;
    private readonly CsvReader _csv;
    private readonly AccessLogMapping _mapping;
    private readonly int[] _index;

    private PostgresCsvAccessLogReader(CsvReader csv, AccessLogMapping mapping)
    {
        _csv = csv;
        _mapping = mapping;
        _index = AccessLogMapping.Items.Select(i => mapping[i] is { } n ? Array.FindIndex(Columns, c => c.Equals(n, StringComparison.OrdinalIgnoreCase)) : -2).ToArray();
    }

    public InputError? Error { get; private set; }

    public static PostgresCsvAccessLogReader Open(Stream stream, string? name, AccessLogMapping mapping, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(limits);
        return new PostgresCsvAccessLogReader(CsvReader.Open(stream, limits.Csv(name) with { HasHeader = false }), mapping);
    }

    public bool Start() => true;

    public bool TryRead(out AccessRecord? record)
    {
        record = null;
        if (Error is not null || !_csv.TryRead(out var row))
        {
            Error ??= _csv.Error;
            return false;
        }

        if (row.Count < MinColumns)
        {
            Error = InputError.Malformed(row.Place(), $"a csvlog line has at least {MinColumns} columns, this one {row.Count}.");
            return false;
        }

        var v = new string[_index.Length];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = _index[i] switch
            {
                -2 => string.Empty,
                -1 => KeyValues.TryFind(row[Message], _mapping[AccessLogMapping.Items[i]]!, out var kv) ? kv : string.Empty,
                var c => row[c],
            };
        }

        var source = _index[2] == 4 ? WithoutPort(v[2]) : v[2];
        var records = long.TryParse(v[5], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : (long?)null;
        record = new AccessRecord(row.Line, v[0], Time(v[1]), source, v[3], _mapping.ActionOf(v[4]), v[4], records, v[6], v[7]);
        return true;
    }

    public void Dispose() => _csv.Dispose();

    private DateTimeOffset? Time(string text)
    {
        var space = text.LastIndexOf(' ');
        if (space < 0 || space < text.IndexOf(':', StringComparison.Ordinal))
        {
            return AccessRecord.ParseTime(text, _mapping.Offset);
        }

        var zone = text.AsSpan(space + 1);
        TimeSpan? offset = zone switch
        {
            "UTC" or "GMT" or "Z" => TimeSpan.Zero,
            "KST" => AccessLogMapping.Kst,
            _ when zone.Length >= 3 && zone[0] is '+' or '-' && int.TryParse(zone[1..3], out var h) => TimeSpan.FromHours(zone[0] == '-' ? -h : h),
            _ => null,
        };
        return offset is { } o ? AccessRecord.ParseTime(text.AsSpan(0, space), o) : AccessRecord.ParseTime(text, _mapping.Offset);
    }

    /// <summary><c>10.1.2.3:51234</c> → <c>10.1.2.3</c>; IPv6 and <c>[local]</c> are kept as written.</summary>
    private static string WithoutPort(string from)
    {
        var colon = from.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon == from.LastIndexOf(':') ? from[..colon] : from;
    }
}
