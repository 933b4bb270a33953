using System.Text;
using Jikimi.Input;

namespace Jikimi.Privacy.AccessRecords.Readers;

/// <summary>
/// MySQL audit logs in JSON: MySQL Enterprise Audit writes one JSON array whose events are pretty-printed objects over
/// several lines (<c>[</c>, <c>{ … },</c>, <c>]</c>); Percona's audit_log_format=JSON writes one object per line
/// (<c>{"audit_record":{…}}</c>). Both are framed here object by object — braces counted outside strings, at most
/// <see cref="InputLimits.MaxLineChars"/> characters per object — and read like JSON lines. MySQL Enterprise times
/// are UTC without an offset (the default mapping says so); Percona's end in <c> UTC</c>.
/// </summary>
public sealed class MysqlAuditAccessLogReader(Stream stream, string? name, AccessLogMapping mapping, InputLimits limits)
    : LineAccessLogReader(stream, name, mapping, limits)
{
    private readonly JsonFields _json = new(limits.MaxJsonDepth);
    private readonly StringBuilder _object = new();
    private readonly int _max = limits.MaxLineChars;
    private string _rest = string.Empty;

    // Beyond the mapped fields: the event class (server events are not access records) and the statement, whose
    // sqlcommenter-style comment (/*subject='C1'*/) may carry what the audit log has no field for.
    private static readonly string[] Extra = ["class", "general_data.query", "audit_record.sqltext"];
    private readonly string[] _all = new string[AccessLogMapping.Items.Length + Extra.Length];
    private string?[]? _names;

    protected override bool Read(string text, string[] values, ref string? problem)
    {
        _names ??= [.. Names, .. Extra];
        Array.Fill(_all, string.Empty);
        problem = _json.Fill(text, _names, _all);
        if (problem is not null || _all[values.Length] is "audit")
        {
            return false;
        }

        var statement = _all[values.Length + 1].Length > 0 ? _all[values.Length + 1] : _all[values.Length + 2];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _all[i].Length > 0 || Names[i] is not { } n || n.Contains('.', StringComparison.Ordinal) ? _all[i]
                : KeyValues.TryFind(statement, n, out var v) ? v : string.Empty;
        }

        values[0] = PerconaUser(values[0]);
        return true;
    }

    /// <summary>Percona writes the user as <c>kim01[kim01] @ host [ip]</c>; the account is the first name.</summary>
    private static string PerconaUser(string user)
    {
        var bracket = user.IndexOf('[', StringComparison.Ordinal);
        return bracket > 0 && user.Contains(" @ ", StringComparison.Ordinal) ? user[..bracket] : user;
    }

    protected override DateTimeOffset? ParseTime(string text) =>
        text.EndsWith(" UTC", StringComparison.Ordinal) ? AccessRecord.ParseTime(text.AsSpan(0, text.Length - 4), TimeSpan.Zero) : base.ParseTime(text);

    protected override bool NextText(out string text, out long line)
    {
        _object.Clear();
        text = string.Empty;
        line = 0;
        var state = (Depth: 0, InString: false, Escaped: false);
        while (_rest.Length > 0 || NextLine(out _rest))
        {
            var l = _rest;
            _rest = string.Empty;
            for (var i = 0; i < l.Length; i++)
            {
                var c = l[i];
                if (state.Depth == 0)
                {
                    if (c is '[' or ']' or ',' or ' ' or '\t')
                    {
                        continue;
                    }

                    if (c != '{')
                    {
                        Fail(LineNumber, "expected a JSON object of the audit log.");
                        return false;
                    }

                    line = LineNumber;
                }

                _object.Append(c);
                state = Step(c, state.Depth, state.InString, state.Escaped);
                if (state.Depth == 0)
                {
                    _rest = l[(i + 1)..];
                    text = _object.ToString();
                    return true;
                }
            }

            if (_object.Length > _max)
            {
                Fail(line, $"an audit event is longer than {_max:N0} characters.");
                return false;
            }

            if (state.Depth > 0)
            {
                _object.Append('\n');
            }
        }

        if (state.Depth > 0 && Error is null)
        {
            Fail(line, "the audit log ends inside an event.");
        }

        return false;
    }

    private static (int Depth, bool InString, bool Escaped) Step(char c, int depth, bool inString, bool escaped)
    {
        if (inString)
        {
            return (depth, !(c == '"' && !escaped), !escaped && c == '\\');
        }

        return c switch
        {
            '"' => (depth, true, false),
            '{' => (depth + 1, false, false),
            '}' => (depth - 1, false, false),
            _ => (depth, false, false),
        };
    }
}
