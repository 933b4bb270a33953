using System.Globalization;
using Jikimi.Input;

namespace Jikimi.Privacy.AccessRecords.Readers;

/// <summary>
/// BSD syslog as RFC 3164 writes it: <c>&lt;PRI&gt;Mmm dd hh:mm:ss HOSTNAME TAG[PID]: MSG</c> (the PRI may be absent in a
/// file; an RFC 3339 time in place of the BSD one, as rsyslog often writes, is read too). The BSD time has no year and
/// no zone: the year is the latest one that does not put the record more than a day after the clock, and the zone is
/// the mapping's. Fields: <c>timestamp</c>, <c>hostname</c>, <c>tag</c>, <c>msg</c>; any other name is a key=value
/// pair in the message (<c>user=kim01 subject=C1 action=view</c>).
/// </summary>
public sealed class Syslog3164AccessLogReader(Stream stream, string? name, AccessLogMapping mapping, InputLimits limits, TimeProvider clock)
    : LineAccessLogReader(stream, name, mapping, limits)
{
    private static readonly string[] Bsd = ["MMM d HH:mm:ss", "MMM  d HH:mm:ss", "MMM dd HH:mm:ss"];
    private string?[]? _lower;

    protected override bool Read(string text, string[] values, ref string? problem)
    {
        var s = text.AsSpan();
        var i = SyslogLine.AfterPri(s);
        if (i < 0 || !TimeLength(s[i..], out var timeLength))
        {
            problem = "not an RFC 3164 syslog line (expected <PRI>Mmm dd hh:mm:ss HOSTNAME TAG: MSG).";
            return false;
        }

        var time = s.Slice(i, timeLength);
        i += timeLength + 1;
        var host = SyslogLine.Token(s, ref i);
        var rest = i < s.Length ? s[i..] : [];
        var colon = rest.IndexOf(": ");
        var tag = colon < 0 ? [] : rest[..colon];
        var bracket = tag.IndexOf('[');
        tag = bracket < 0 ? tag : tag[..bracket];
        var msg = colon < 0 ? rest : rest[(colon + 2)..];
        _lower ??= Names.Select(n => n?.ToLowerInvariant()).ToArray();
        for (var n = 0; n < _lower.Length; n++)
        {
            if (_lower[n] is { } field)
            {
                values[n] = field switch
                {
                    "timestamp" => time.ToString(),
                    "hostname" => host.ToString(),
                    "tag" or "app_name" => tag.ToString(),
                    "msg" => msg.ToString(),
                    _ => KeyValues.TryFind(msg, Names[n], out var v) ? v : string.Empty,
                };
            }
        }

        return true;
    }

    protected override DateTimeOffset? ParseTime(string text)
    {
        if (DateTime.TryParseExact(text, Bsd, CultureInfo.InvariantCulture, DateTimeStyles.None, out var noYear))
        {
            var now = clock.GetUtcNow().ToOffset(Mapping.Offset);
            for (var year = now.Year; year >= now.Year - 4; year--)
            {
                if (noYear.Day <= DateTime.DaysInMonth(year, noYear.Month)
                    && new DateTimeOffset(year, noYear.Month, noYear.Day, noYear.Hour, noYear.Minute, noYear.Second, Mapping.Offset) is var t && t <= now.AddDays(1))
                {
                    return t;
                }
            }

            return null;
        }

        return base.ParseTime(text);
    }

    /// <summary>The length of the time at the start: 15 for the BSD form, up to the first space for an RFC 3339 one.</summary>
    private static bool TimeLength(ReadOnlySpan<char> s, out int length)
    {
        length = 15;
        if (s.Length > 16 && char.IsAsciiLetterUpper(s[0]) && s[3] == ' ' && s[6] == ' ' && s[9] == ':' && s[15] == ' ')
        {
            return true;
        }

        length = s.IndexOf(' ');
        return length >= 19 && char.IsAsciiDigit(s[0]) && s[4] == '-' && s[10] == 'T';
    }
}
