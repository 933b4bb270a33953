using System.Globalization;
using Jikimi.Input;

namespace Jikimi.Privacy.AccessRecords.Readers;

/// <summary>
/// The shared part of the line-based readers: bounded strict-UTF-8 lines from <c>Jikimi.Input</c>, blank lines skipped,
/// a line the format refuses turned into <c>input.malformed</c> naming the line, and the eight mapped values turned
/// into an <see cref="AccessRecord"/>. A format reader only splits one text into the mapped values.
/// </summary>
public abstract class LineAccessLogReader : IAccessLogReader
{
    private readonly LineReader _lines;
    private readonly string[] _values = new string[AccessLogMapping.Items.Length];

    protected LineAccessLogReader(Stream stream, string? name, AccessLogMapping mapping, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(limits);
        _lines = limits.Lines(stream, name);
        Name = name;
        Mapping = mapping;
        Names = AccessLogMapping.Items.Select(i => mapping[i]).ToArray();
    }

    public InputError? Error { get; private set; }

    /// <summary>The file's declared name, for error places.</summary>
    protected string? Name { get; }

    protected AccessLogMapping Mapping { get; }

    /// <summary>The mapped field name of each item, in the order of <see cref="AccessLogMapping.Items"/> (null = not mapped).</summary>
    protected IReadOnlyList<string?> Names { get; }

    /// <summary>The number of the line last read.</summary>
    protected long LineNumber => _lines.LineNumber;

    /// <summary>Checks the mapping against the format; false with <see cref="Error"/> set when a field cannot exist.</summary>
    public virtual bool Start()
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] is { } n && Unknown(n) is { } problem)
            {
                Error = InputError.Malformed(new InputPlace(Name), $"{AccessLogMapping.Items[i]}: {problem}");
                return false;
            }
        }

        return true;
    }

    public bool TryRead(out AccessRecord? record)
    {
        record = null;
        while (Error is null && NextText(out var text, out var line))
        {
            Array.Fill(_values, string.Empty);
            string? problem = null;
            if (Read(text, _values, ref problem))
            {
                record = Build(line, _values);
                return true;
            }

            if (problem is not null)
            {
                Error = InputError.Malformed(new InputPlace(Name, line), problem);
            }
        }

        return false;
    }

    public void Dispose()
    {
        _lines.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Why a mapped field cannot exist in this format, or null when it can.</summary>
    protected virtual string? Unknown(string field) => null;

    /// <summary>
    /// Splits one record's text into the mapped values (index as <see cref="Names"/>; left empty when absent). False
    /// without a problem skips the text (a comment, a directive); false with a problem stops the read.
    /// </summary>
    protected abstract bool Read(string text, string[] values, ref string? problem);

    protected virtual DateTimeOffset? ParseTime(string text) => AccessRecord.ParseTime(text, Mapping.Offset);

    /// <summary>The next record's text and its first line; blank lines are skipped. Sets the error of the line reader.</summary>
    protected virtual bool NextText(out string text, out long line)
    {
        while (NextLine(out text))
        {
            if (!text.AsSpan().IsWhiteSpace())
            {
                line = _lines.LineNumber;
                return true;
            }
        }

        line = _lines.LineNumber;
        return false;
    }

    /// <summary>One raw line; false at the end or on a line-reader error (then <see cref="Error"/> is set).</summary>
    protected bool NextLine(out string text)
    {
        if (_lines.TryRead(out var l))
        {
            text = l;
            return true;
        }

        Error = _lines.Error;
        text = string.Empty;
        return false;
    }

    /// <summary>Stops the read with a problem found outside <see cref="Read"/> (e.g. while framing a multi-line record).</summary>
    protected void Fail(long line, string problem) => Error = InputError.Malformed(new InputPlace(Name, line), problem);

    private AccessRecord Build(long line, string[] v)
    {
        var records = long.TryParse(v[5], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : (long?)null;
        return new AccessRecord(line, v[0], ParseTime(v[1]), v[2], v[3], Mapping.ActionOf(v[4]), v[4], records, v[6], v[7]);
    }
}
