using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Jikimi.Input;

/// <summary>How a CSV file is read. Limits default to <see cref="InputLimits"/>' defaults.</summary>
public sealed record CsvOptions
{
    /// <summary>The file's (declared) name, for error places only.</summary>
    public string? File { get; init; }

    public char Delimiter { get; init; } = ',';

    /// <summary>The first non-blank record names the columns.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>How header names are matched (<see cref="CsvRow.Get"/>, <see cref="CsvHeader.IndexOf"/>).</summary>
    public StringComparer HeaderComparer { get; init; } = StringComparer.Ordinal;

    /// <summary>Lines with nothing on them are no records (RFC 4180 would read them as one empty field).</summary>
    public bool SkipBlankLines { get; init; } = true;

    /// <summary>Undo <see cref="FormulaGuard"/> on every data field (the reading side of a guarded export).</summary>
    public bool RestoreFormulas { get; init; }

    public long MaxRows { get; init; } = new InputLimits().MaxCsvRows;

    public int MaxFieldChars { get; init; } = new InputLimits().MaxFieldChars;
}

/// <summary>The header record: column names and their 0-based index (the first of equal names wins).</summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, int> _index;

    public CsvHeader(IReadOnlyList<string> names, StringComparer comparer)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = names;
        _index = new Dictionary<string, int>(comparer);
        for (var i = 0; i < names.Count; i++)
        {
            _index.TryAdd(names[i], i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The 0-based index of a column, or null when the file has no such column.</summary>
    public int? IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : null;

    public bool Contains(string name) => _index.ContainsKey(name);
}

/// <summary>One record: its fields, its data-row number (1 = first row after the header) and the line it starts on.</summary>
public sealed class CsvRow(IReadOnlyList<string> fields, long row, long line, CsvHeader? header, string? file)
{
    public IReadOnlyList<string> Fields { get; } = fields;

    public long Row { get; } = row;

    public long Line { get; } = line;

    public CsvHeader? Header { get; } = header;

    public int Count => Fields.Count;

    /// <summary>The field at a 0-based index, or an empty string past the end of a short row.</summary>
    public string this[int index] => index >= 0 && index < Fields.Count ? Fields[index] : string.Empty;

    /// <summary>The field under a header name: null when the file has no such column, empty past the end of a short row.</summary>
    public string? Get(string column) => Header?.IndexOf(column) is { } i ? this[i] : null;

    /// <summary>This row's place (and a 0-based column's, if given) for an error message.</summary>
    public InputPlace Place(int? columnIndex = null) => new(file, Line, Row, columnIndex + 1);
}

/// <summary>A CSV file read whole.</summary>
public sealed record CsvTable(CsvHeader? Header, IReadOnlyList<CsvRow> Rows);

/// <summary>
/// A streaming RFC 4180 reader: quoted fields with doubled quotes and line breaks inside, CRLF, LF or CR line ends,
/// any one-character delimiter, strict UTF-8 with one optional BOM. Failures are values: <see cref="TryRead"/>
/// returns false and <see cref="Error"/> says what and where (line, row, column) — <c>input.malformed</c>
/// (an unclosed quote, text after a closing quote), <c>input.encoding</c>, <c>input.too_many_rows</c>,
/// <c>input.field_too_long</c>. A quote inside an unquoted field is kept as text, as spreadsheets do.
/// </summary>
public sealed class CsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly CsvOptions _options;
    private readonly List<string> _fields = [];
    private readonly StringBuilder _field = new();
    private long _line = 1;
    private long _row;
    private bool _started;
    private bool _done;

    private CsvReader(TextReader reader, CsvOptions options)
    {
        _reader = reader;
        _options = options;
    }

    public CsvHeader? Header { get; private set; }

    /// <summary>Why reading stopped early; null while reading goes well and after a clean end.</summary>
    public InputError? Error { get; private set; }

    /// <summary>Reads a stream as strict UTF-8 (a leading BOM is skipped). The reader owns the stream.</summary>
    public static CsvReader Open(Stream stream, CsvOptions options) =>
        new(new StreamReader(stream ?? throw new ArgumentNullException(nameof(stream)), InputText.StrictUtf8, detectEncodingFromByteOrderMarks: false), options ?? new CsvOptions());

    /// <summary>Reads from a text reader the caller owns and decodes (e.g. strict UTF-8 over a hashing stream); a leading BOM character is skipped.</summary>
    public static CsvReader FromReader(TextReader reader, CsvOptions options) =>
        new(reader ?? throw new ArgumentNullException(nameof(reader)), options ?? new CsvOptions());

    /// <summary>Reads text already decoded (a leading BOM character is skipped).</summary>
    public static CsvReader FromText(string text, CsvOptions options) => new(new StringReader(text ?? string.Empty), options ?? new CsvOptions());

    /// <summary>Reads a whole text; the first failure comes back as the error.</summary>
    public static InputResult<CsvTable> ReadAll(string text, CsvOptions options)
    {
        using var reader = FromText(text, options);
        return reader.ReadToEnd();
    }

    /// <summary>Reads a whole stream (strict UTF-8); the first failure comes back as the error.</summary>
    public static InputResult<CsvTable> ReadAll(Stream stream, CsvOptions options)
    {
        using var reader = Open(stream, options);
        return reader.ReadToEnd();
    }

    /// <summary>The header (reading it if no row has been read yet); null for an empty file or one without a header.</summary>
    public InputResult<CsvHeader?> ReadHeader()
    {
        Start();
        return Error is { } e ? e : Header;
    }

    public bool TryRead([NotNullWhen(true)] out CsvRow? row)
    {
        row = null;
        Start();
        if (_done || Error is not null)
        {
            return false;
        }

        try
        {
            var line = NextRecord();
            if (line is null)
            {
                _done = true;
                return false;
            }

            _row++;
            if (_row > _options.MaxRows)
            {
                Error = InputError.TooManyRows(new InputPlace(_options.File, line, _row), _options.MaxRows);
                return false;
            }

            var fields = _fields.ToArray();
            if (_options.RestoreFormulas)
            {
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = FormulaGuard.Restore(fields[i]);
                }
            }

            row = new CsvRow(fields, _row, line.Value, Header, _options.File);
            return true;
        }
        catch (InputException e)
        {
            Error = e.Error;
            return false;
        }
        catch (DecoderFallbackException)
        {
            Error = InputError.Encoding(new InputPlace(_options.File, _line));
            return false;
        }
    }

    /// <summary>All remaining rows, or the first failure.</summary>
    public InputResult<CsvTable> ReadToEnd()
    {
        var rows = new List<CsvRow>();
        while (TryRead(out var row))
        {
            rows.Add(row);
        }

        return Error is { } e ? e : new CsvTable(Header, rows);
    }

    public void Dispose() => _reader.Dispose();

    private void Start()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        try
        {
            if (_reader.Peek() == '\uFEFF')
            {
                _reader.Read();
            }

            if (_options.HasHeader)
            {
                if (NextRecord() is null)
                {
                    _done = true;
                    return;
                }

                Header = new CsvHeader(_fields.ToArray(), _options.HeaderComparer);
            }
        }
        catch (InputException e)
        {
            Error = e.Error;
        }
        catch (DecoderFallbackException)
        {
            Error = InputError.Encoding(new InputPlace(_options.File, _line));
        }
    }

    /// <summary>Reads the next record into <see cref="_fields"/>; returns the line it starts on, or null at the end.</summary>
    private long? NextRecord()
    {
        while (true)
        {
            var start = _line;
            var (any, blank) = ReadRecord();
            if (!any)
            {
                return null;
            }

            if (!(blank && _options.SkipBlankLines))
            {
                return start;
            }
        }
    }

    /// <summary>One physical record. Any: something (even a line end) was read. Blank: an empty line.</summary>
    private (bool Any, bool Blank) ReadRecord()
    {
        _fields.Clear();
        _field.Clear();
        var start = _line;
        var c = _reader.Read();
        if (c < 0)
        {
            return (false, false);
        }

        var quotedAny = false;
        while (true)
        {
            if (c == '"' && _field.Length == 0)
            {
                quotedAny = true;
                ReadQuoted(start);
                c = _reader.Read();
                if (c >= 0 && c != _options.Delimiter && c != '\r' && c != '\n')
                {
                    throw Malformed(start, "text follows a closing quote (a quote inside a quoted field is written twice).");
                }

                continue;
            }

            if (c < 0)
            {
                EndField();
                return (true, false);
            }

            if (c == _options.Delimiter)
            {
                EndField();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && _reader.Peek() == '\n')
                {
                    _reader.Read();
                }

                _line++;
                var blank = _fields.Count == 0 && _field.Length == 0 && !quotedAny;
                EndField();
                return (true, blank);
            }
            else
            {
                Append((char)c, start);
            }

            c = _reader.Read();
        }
    }

    private void ReadQuoted(long start)
    {
        while (true)
        {
            var c = _reader.Read();
            if (c < 0)
            {
                throw Malformed(start, "a quoted field is not closed (the file may be cut short).");
            }

            if (c == '"')
            {
                if (_reader.Peek() != '"')
                {
                    return;
                }

                _reader.Read();
            }
            else if (c == '\n' || (c == '\r' && _reader.Peek() != '\n'))
            {
                _line++;
            }

            Append((char)c, start);
        }
    }

    private void Append(char c, long start)
    {
        if (_field.Length >= _options.MaxFieldChars)
        {
            throw new InputException(InputError.FieldTooLong(Place(start), _options.MaxFieldChars));
        }

        _field.Append(c);
    }

    private void EndField()
    {
        _fields.Add(_field.ToString());
        _field.Clear();
    }

    private InputPlace Place(long start) => new(_options.File, start, Header is null && _options.HasHeader ? null : _row + 1, _fields.Count + 1);

    private InputException Malformed(long start, string problem) => new(InputError.Malformed(Place(start), problem));
}

/// <summary>
/// RFC 4180 output: a field is quoted when it holds the delimiter, a quote or a line break; by default each text
/// first passes <see cref="FormulaGuard.Neutralize"/>, so a spreadsheet never runs a cell.
/// </summary>
public sealed class CsvWriter(TextWriter writer, char delimiter = ',', string newLine = "\r\n", bool guardFormulas = true)
{
    private readonly TextWriter _writer = writer ?? throw new ArgumentNullException(nameof(writer));

    public void WriteRow(IEnumerable<string?> cells)
    {
        _writer.Write(Line(cells, delimiter, guardFormulas));
        _writer.Write(newLine);
    }

    /// <summary>One record without its line end.</summary>
    public static string Line(IEnumerable<string?> cells, char delimiter = ',', bool guardFormulas = true)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return string.Join(delimiter, cells.Select(c => Field(c, delimiter, guardFormulas)));
    }

    /// <summary>One field, guarded and quoted as needed.</summary>
    public static string Field(string? value, char delimiter = ',', bool guardFormulas = true)
    {
        var v = value ?? string.Empty;
        if (guardFormulas)
        {
            v = FormulaGuard.Neutralize(v);
        }

        return v.Contains(delimiter, StringComparison.Ordinal) || v.AsSpan().IndexOfAny('"', '\r', '\n') >= 0
            ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : v;
    }
}
