using System.Globalization;
using Jikimi.Input;

namespace Jikimi.Privacy.AccessRecords.Readers;

/// <summary>
/// The nginx/Apache combined log format:
/// <c>$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"</c>
/// (the common format, without the last two, is read too). Fields are named as nginx names them; <c>method</c>,
/// <c>uri</c>, <c>path</c> and <c>protocol</c> split the request, and <c>query.NAME</c> is a query-string parameter
/// (how a web system usually carries the data subject, e.g. <c>query.customerId</c>). <c>-</c> is empty.
/// </summary>
public sealed class CombinedAccessLogReader(Stream stream, string? name, AccessLogMapping mapping, InputLimits limits)
    : LineAccessLogReader(stream, name, mapping, limits)
{
    private static readonly string[] Fixed =
        ["remote_addr", "remote_ident", "remote_user", "time_local", "request", "status", "body_bytes_sent", "http_referer", "http_user_agent"];

    private static readonly string[] Request = ["method", "uri", "path", "protocol"];

    private readonly Range[] _fields = new Range[Fixed.Length];

    protected override string? Unknown(string field) =>
        Fixed.Contains(field, StringComparer.OrdinalIgnoreCase) || Request.Contains(field, StringComparer.OrdinalIgnoreCase) || QueryKey(field).Length > 0
            ? null
            : $"the combined log format has no field '{field}' (known: {string.Join(", ", Fixed.Concat(Request))}, query.NAME).";

    protected override bool Read(string text, string[] values, ref string? problem)
    {
        problem = Split(text);
        if (problem is not null)
        {
            return false;
        }

        _slots ??= Names.Select(Slot).ToArray();
        var request = text.AsSpan()[_fields[4]];
        for (var i = 0; i < _slots.Length; i++)
        {
            if (_slots[i] != Unmapped)
            {
                values[i] = Value(text, request, _slots[i], Names[i]!);
            }
        }

        return true;
    }

    private const int Unmapped = -1;
    private const int RequestPart = 100;
    private const int QueryParameter = 200;
    private int[]? _slots;

    /// <summary>Where a mapped name is found, worked out once: a fixed field, a part of the request, or a query parameter.</summary>
    private static int Slot(string? field)
    {
        if (field is null)
        {
            return Unmapped;
        }

        var f = Array.FindIndex(Fixed, x => x.Equals(field, StringComparison.OrdinalIgnoreCase));
        var r = Array.FindIndex(Request, x => x.Equals(field, StringComparison.OrdinalIgnoreCase));
        return f >= 0 ? f : r >= 0 ? RequestPart + r : QueryParameter;
    }

    protected override DateTimeOffset? ParseTime(string text) =>
        DateTimeOffset.TryParseExact(text, "dd/MMM/yyyy:HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    private string Value(string text, ReadOnlySpan<char> request, int slot, string field)
    {
        if (slot < RequestPart)
        {
            return Dash(text.AsSpan()[_fields[slot]]);
        }

        Span<Range> p = stackalloc Range[3];
        var n = request.Split(p, ' ', StringSplitOptions.RemoveEmptyEntries);
        var uri = n > 1 ? request[p[1]] : [];
        var q = uri.IndexOf('?');
        return (slot - RequestPart) switch
        {
            0 => n > 0 ? request[p[0]].ToString() : string.Empty,
            1 => uri.ToString(),
            2 => (q < 0 ? uri : uri[..q]).ToString(),
            3 => n > 2 ? request[p[2]].ToString() : string.Empty,
            _ => q < 0 ? string.Empty : Query(uri[(q + 1)..], QueryKey(field)),
        };
    }

    /// <summary>Finds the fields by their delimiters: bare words, <c>[time]</c> and <c>"quoted"</c> (with \" inside).</summary>
    private string? Split(string text)
    {
        var s = text.AsSpan();
        var i = 0;
        for (var f = 0; f < Fixed.Length; f++)
        {
            while (i < s.Length && s[i] == ' ')
            {
                i++;
            }

            if (i >= s.Length)
            {
                if (f < 7)
                {
                    return $"not a combined log line: {Fixed[f]} is missing.";
                }

                _fields[f] = new Range(i, i);
                continue;
            }

            var close = s[i] switch { '[' => ']', '"' => '"', _ => ' ' };
            var start = close == ' ' ? i : i + 1;
            var end = start;
            while (end < s.Length && s[end] != close)
            {
                end += s[end] == '\\' && close == '"' ? 2 : 1;
            }

            if (close != ' ' && end >= s.Length)
            {
                return $"not a combined log line: {Fixed[f]} is not closed by {close}.";
            }

            _fields[f] = new Range(start, Math.Min(end, s.Length));
            i = close == ' ' ? end : end + 1;
        }

        return null;
    }

    private static string QueryKey(string field) => field.StartsWith("query.", StringComparison.OrdinalIgnoreCase) ? field[6..] : string.Empty;

    /// <summary>A query-string parameter, percent-decoded ('+' as a space).</summary>
    public static string Query(ReadOnlySpan<char> query, string key)
    {
        foreach (var r in query.Split('&'))
        {
            var pair = query[r];
            var eq = pair.IndexOf('=');
            if (eq > 0 && pair[..eq].Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                return Uri.UnescapeDataString(pair[(eq + 1)..].ToString().Replace('+', ' '));
            }
        }

        return string.Empty;
    }

    private static string Dash(ReadOnlySpan<char> v) => v is "-" ? string.Empty : v.ToString();
}
