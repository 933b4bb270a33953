using Jikimi.Input;
using Jikimi.Privacy.AccessRecords.Readers;

namespace Jikimi.Privacy.AccessRecords;

/// <summary>The one way to open a reader for a system's log format.</summary>
public static class AccessLogReaders
{
    /// <summary>
    /// Opens <paramref name="stream"/> (the reader owns it) in <paramref name="format"/>. <paramref name="clock"/> gives
    /// the year of syslog RFC 3164 times, which carry none (the system clock when null).
    /// </summary>
    public static IAccessLogReader Open(Stream stream, string? name, AccessLogFormat format, AccessLogMapping mapping, InputLimits limits, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(limits);
        return format switch
        {
            AccessLogFormat.Csv or AccessLogFormat.Tsv => DelimitedAccessLogReader.Open(stream, name, format, mapping, limits),
            AccessLogFormat.JsonLines => new JsonLinesAccessLogReader(stream, name, mapping, limits),
            AccessLogFormat.Syslog3164 => new Syslog3164AccessLogReader(stream, name, mapping, limits, clock ?? TimeProvider.System),
            AccessLogFormat.Syslog5424 => new Syslog5424AccessLogReader(stream, name, mapping, limits),
            AccessLogFormat.Combined => new CombinedAccessLogReader(stream, name, mapping, limits),
            AccessLogFormat.W3cExtended => new W3cAccessLogReader(stream, name, mapping, limits),
            AccessLogFormat.PostgresCsv => PostgresCsvAccessLogReader.Open(stream, name, mapping, limits),
            AccessLogFormat.MysqlAuditJson => new MysqlAuditAccessLogReader(stream, name, mapping, limits),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a log format."),
        };
    }
}
