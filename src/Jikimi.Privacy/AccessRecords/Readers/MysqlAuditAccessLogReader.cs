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

    protected override bool Read(string text, string[] values, ref string? problem)
    {
        problem = _json.Fill(text, Names, values);
        return problem is null;
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
