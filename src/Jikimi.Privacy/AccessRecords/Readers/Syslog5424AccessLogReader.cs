using Jikimi.Input;

namespace Jikimi.Privacy.AccessRecords.Readers;

/// <summary>
/// Syslog as RFC 5424 writes it: <c>&lt;PRI&gt;VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD-ID param="v" …] MSG</c>
/// (the PRI may be absent in files written by a collector). Fields: <c>timestamp</c>, <c>hostname</c>,
/// <c>app_name</c>, <c>procid</c>, <c>msgid</c>, <c>msg</c>; any other name is a structured-data parameter
/// (<c>user</c>, or <c>SD-ID.user</c> for one element) and then a key=value pair in the message.
/// </summary>
public sealed class Syslog5424AccessLogReader(Stream stream, string? name, AccessLogMapping mapping, InputLimits limits)
    : LineAccessLogReader(stream, name, mapping, limits)
{
    private static readonly string[] Header = ["timestamp", "hostname", "app_name", "procid", "msgid"];
    private int[]? _slots;

    protected override bool Read(string text, string[] values, ref string? problem)
    {
        var s = text.AsSpan();
        var i = SyslogLine.AfterPri(s);
        var version = i < 0 ? [] : SyslogLine.Token(s, ref i);
        if (version.Length is 0 or > 2 || !int.TryParse(version, out _))
        {
            problem = "not an RFC 5424 syslog line (expected <PRI>VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD MSG).";
            return false;
        }

        Span<Range> header = stackalloc Range[Header.Length];
        for (var h = 0; h < Header.Length; h++)
        {
            var start = i;
            var token = SyslogLine.Token(s, ref i);
            if (token.Length == 0)
            {
                problem = $"not an RFC 5424 syslog line: {Header[h]} is missing.";
                return false;
            }

            header[h] = new Range(start, start + token.Length);
        }

        var sdStart = i;
        if (!SkipStructuredData(s, ref i))
        {
            problem = "the structured data of the RFC 5424 line is not closed.";
            return false;
        }

        var sd = s[sdStart..i];
        var msg = i < s.Length ? s[i..].TrimStart(' ').TrimStart('\uFEFF') : [];
        _slots ??= Names.Select(n => n is null ? -2 : Array.FindIndex(Header, x => x.Equals(n, StringComparison.OrdinalIgnoreCase))).ToArray();
        for (var n = 0; n < Names.Count; n++)
        {
            if (Names[n] is { } field)
            {
                var h = _slots[n];
                values[n] = h >= 0 ? SyslogLine.Dash(s[header[h]])
                    : field.Equals("msg", StringComparison.OrdinalIgnoreCase) ? msg.ToString()
                    : Parameter(sd, field) ?? (KeyValues.TryFind(msg, field, out var v) ? v : string.Empty);
            }
        }

        return true;
    }

    /// <summary>Skips <c>-</c> or one or more <c>[…]</c> elements (quoted values may hold <c>\]</c>, <c>\"</c>).</summary>
    private static bool SkipStructuredData(ReadOnlySpan<char> s, ref int i)
    {
        if (i < s.Length && s[i] == '-')
        {
            i++;
            return true;
        }

        while (i < s.Length && s[i] == '[')
        {
            var quoted = false;
            i++;
            while (i < s.Length && (quoted || s[i] != ']'))
            {
                if (s[i] == '\\')
                {
                    i++;
                }
                else if (s[i] == '"')
                {
                    quoted = !quoted;
                }

                i++;
            }

            if (i >= s.Length)
            {
                return false;
            }

            i++;
        }

        return true;
    }

    /// <summary>A parameter of the structured data by name, or <c>SD-ID.name</c> for one element.</summary>
    private static string? Parameter(ReadOnlySpan<char> sd, string field)
    {
        var dot = field.LastIndexOf('.');
        var id = dot > 0 ? field[..dot] : null;
        var param = dot > 0 ? field[(dot + 1)..] : field;
        while (sd.Length > 0 && sd[0] == '[')
        {
            var end = ElementEnd(sd);
            var element = sd[1..end];
            var space = element.IndexOf(' ');
            var sdId = space < 0 ? element : element[..space];
            if ((id is null || sdId.Equals(id, StringComparison.OrdinalIgnoreCase)) && space > 0 && KeyValues.TryFind(element[(space + 1)..], param, out var v))
            {
                return v;
            }

            sd = sd[Math.Min(end + 1, sd.Length)..];
        }

        return null;
    }

    private static int ElementEnd(ReadOnlySpan<char> sd)
    {
        var quoted = false;
        for (var i = 1; i < sd.Length; i++)
        {
            if (sd[i] == '\\')
            {
                i++;
            }
            else if (sd[i] == '"')
            {
                quoted = !quoted;
            }
            else if (sd[i] == ']' && !quoted)
            {
                return i;
            }
        }

        return sd.Length - 1;
    }
}
