using System.Globalization;
using Jikimi.Input;

namespace Jikimi.Privacy.AccessRecords;

/// <summary>
/// Reads access records from CSV or TSV with a header row through the one CSV parser of <c>Jikimi.Input</c> (bounded
/// rows and fields, strict UTF-8). Columns are found once by the mapping's names; a mapped column missing from the
/// header is refused before any record is read, so a wrong mapping loses nothing silently.
/// </summary>
public sealed class DelimitedAccessLogReader : IAccessLogReader
{
    private readonly CsvReader _csv;
    private readonly AccessLogMapping _mapping;
    private int[] _columns = [];

    private DelimitedAccessLogReader(CsvReader csv, AccessLogMapping mapping)
    {
        _csv = csv;
        _mapping = mapping;
    }

    public InputError? Error { get; private set; }

    public static DelimitedAccessLogReader Open(Stream stream, string? name, AccessLogFormat format, AccessLogMapping mapping, InputLimits limits)
    {
        var delimiter = format == AccessLogFormat.Tsv ? '\t' : ',';
        return new DelimitedAccessLogReader(CsvReader.Open(stream, limits.Csv(name, delimiter) with { HeaderComparer = StringComparer.OrdinalIgnoreCase }), mapping);
    }

    /// <summary>Reads the header and finds the mapped columns; false with <see cref="Error"/> set when one is absent.</summary>
    public bool Start()
    {
        var header = _csv.ReadHeader();
        if (header.Error is { } e)
        {
            Error = e;
            return false;
        }

        var h = header.Value;
        _columns = new int[AccessLogMapping.Items.Length];
        for (var i = 0; i < AccessLogMapping.Items.Length; i++)
        {
            var column = _mapping[AccessLogMapping.Items[i]];
            if (column is null)
            {
                _columns[i] = -1;
                continue;
            }

            if (h?.IndexOf(column) is not { } index)
            {
                Error = new InputError(InputError.MalformedCode, InputErrorKind.Malformed, $"The header has no column '{column}' for {AccessLogMapping.Items[i]}.", new InputPlace(null, 1));
                return false;
            }

            _columns[i] = index;
        }

        return true;
    }

    public bool TryRead(out AccessRecord? record)
    {
        record = null;
        if (!_csv.TryRead(out var row))
        {
            Error = _csv.Error;
            return false;
        }

        string Cell(int item) => _columns[item] < 0 ? string.Empty : row[_columns[item]].Trim();
        var word = Cell(4);
        var records = long.TryParse(Cell(5), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : (long?)null;
        record = new AccessRecord(row.Line, Cell(0), AccessRecord.ParseTime(Cell(1), _mapping.Offset), Cell(2), Cell(3), _mapping.ActionOf(word), word, records, Cell(6), Cell(7));
        return true;
    }

    public void Dispose() => _csv.Dispose();
}
