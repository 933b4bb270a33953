using Jikimi.Input;

namespace Jikimi.Privacy.AccessRecords.Readers;

/// <summary>
/// The W3C extended log format as IIS writes it: directives (<c>#Software</c>, <c>#Version</c>, <c>#Date</c>,
/// <c>#Fields: date time c-ip cs-username cs-method cs-uri-stem cs-uri-query …</c>) and space-separated entries,
/// <c>-</c> for empty. A <c>#Fields</c> directive may come again (after a restart) and then names the following
/// entries. A mapped name may join fields with a space (<c>date time</c>); <c>query.NAME</c> reads cs-uri-query.
/// A mapped field the directive lacks stops the read at that directive. IIS times are UTC (the default mapping says so).
/// </summary>
public sealed class W3cAccessLogReader(Stream stream, string? name, AccessLogMapping mapping, InputLimits limits)
    : LineAccessLogReader(stream, name, mapping, limits)
{
    private const string Directive = "#Fields:";
    private string[] _header = [];
    private int[][] _columns = [];
    private string?[] _queryKeys = [];
    private Range[] _cells = new Range[32];

    protected override bool Read(string text, string[] values, ref string? problem)
    {
        if (text.StartsWith('#'))
        {
            problem = text.StartsWith(Directive, StringComparison.OrdinalIgnoreCase) ? Fields(text[Directive.Length..]) : null;
            return false;
        }

        if (_header.Length == 0)
        {
            problem = "an entry comes before any #Fields directive.";
            return false;
        }

        var s = text.AsSpan();
        var n = s.Split(_cells, ' ', StringSplitOptions.RemoveEmptyEntries);
        if (n != _header.Length)
        {
            problem = $"the entry has {n} fields, the #Fields directive names {_header.Length}.";
            return false;
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            values[i] = _queryKeys[i] is { } key ? Query(s, _columns[i][0], key) : Join(s, _columns[i]);
        }

        return true;
    }

    private string Join(ReadOnlySpan<char> s, int[] columns)
    {
        if (columns.Length == 1)
        {
            return columns[0] < 0 ? string.Empty : Dash(s[_cells[columns[0]]]);
        }

        if (columns.Length == 2 && s[_cells[columns[0]]] is var a and not "-" && s[_cells[columns[1]]] is var b and not "-")
        {
            return string.Concat(a, " ", b);
        }

        var parts = new List<string>(columns.Length);
        foreach (var c in columns)
        {
            if (Dash(s[_cells[c]]) is { Length: > 0 } v)
            {
                parts.Add(v);
            }
        }

        return string.Join(' ', parts);
    }

    private string Query(ReadOnlySpan<char> s, int column, string key) =>
        s[_cells[column]] is var q && q is not "-" ? CombinedAccessLogReader.Query(q, key) : string.Empty;

    private string? Fields(string list)
    {
        _header = list.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (_cells.Length < _header.Length + 1)
        {
            _cells = new Range[_header.Length + 1];
        }

        _columns = new int[Names.Count][];
        _queryKeys = new string?[Names.Count];
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] is not { } mapped)
            {
                _columns[i] = [-1];
                continue;
            }

            if (QueryKey(mapped) is { } key)
            {
                var q = Array.FindIndex(_header, h => h.Equals("cs-uri-query", StringComparison.OrdinalIgnoreCase));
                if (q < 0)
                {
                    return $"the #Fields directive has no field 'cs-uri-query' for {AccessLogMapping.Items[i]}.";
                }

                (_columns[i], _queryKeys[i]) = ([q], key);
                continue;
            }

            var parts = mapped.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            _columns[i] = new int[parts.Length];
            for (var p = 0; p < parts.Length; p++)
            {
                var index = Array.FindIndex(_header, h => h.Equals(parts[p], StringComparison.OrdinalIgnoreCase));
                if (index == -1)
                {
                    return $"the #Fields directive has no field '{parts[p]}' for {AccessLogMapping.Items[i]}.";
                }

                _columns[i][p] = index;
            }
        }

        return null;
    }

    private static string? QueryKey(string? field) => field is not null && field.StartsWith("query.", StringComparison.OrdinalIgnoreCase) ? field[6..] : null;

    private static string Dash(ReadOnlySpan<char> v) => v is "-" ? string.Empty : v.ToString();
}
