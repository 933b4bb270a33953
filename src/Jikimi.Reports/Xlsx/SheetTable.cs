namespace Jikimi.Reports.Xlsx;

/// <summary>A column of a typed sheet: a stable key, its header per language, width in characters, wrapped or not.</summary>
public sealed record ColumnSpec(string Key, string HeaderKo, string HeaderEn, double Width, bool Wrap = true)
{
    public string Header(bool korean) => korean ? HeaderKo : HeaderEn;

    public bool Matches(string? header) =>
        string.Equals(header?.Trim(), HeaderKo, StringComparison.Ordinal) || string.Equals(header?.Trim(), HeaderEn, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One worksheet to write: a header row from the columns, then one row per record.</summary>
public sealed record SheetTable(string Name, IReadOnlyList<ColumnSpec> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows, bool Korean, bool Landscape = true);

/// <summary>A problem found while reading a sheet, with the cell (e.g. "D7") where there is one.</summary>
public sealed record SheetProblem(string? Cell, string Code, string Message)
{
    public override string ToString() => Cell is null ? $"{Code}: {Message}" : $"{Cell} {Code}: {Message}";
}

/// <summary>Cell references: column 1 = A, 27 = AA.</summary>
public static class CellRef
{
    public static string Column(int column)
    {
        var s = string.Empty;
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            s = (char)('A' + ((c - 1) % 26)) + s;
        }

        return s;
    }

    public static string Of(int column, int row) => Column(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses "D7" into (4, 7); false for anything else.</summary>
    public static bool TryParse(string? reference, out int column, out int row)
    {
        column = 0;
        row = 0;
        if (string.IsNullOrEmpty(reference))
        {
            return false;
        }

        var i = 0;
        while (i < reference.Length && reference[i] is >= 'A' and <= 'Z')
        {
            column = (column * 26) + (reference[i] - 'A' + 1);
            i++;
            if (column > 16_384)
            {
                return false;
            }
        }

        return i > 0 && i < reference.Length
            && int.TryParse(reference.AsSpan(i), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out row) && row is > 0 and <= 1_048_576;
    }
}
