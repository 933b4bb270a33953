using System.ComponentModel.DataAnnotations;

namespace Jikimi.Input;

/// <summary>
/// The limits on outside input, bound from configuration section <c>Input</c> (e.g. <c>Input__MaxImportBytes</c>).
/// Defaults are the values the readers had before they shared this class; where a reader had no limit (CSV rows,
/// field and line length) the default is generous and only stops a runaway file.
/// </summary>
public sealed class InputLimits
{
    public const string Section = "Input";

    public const long MiB = 1024 * 1024;

    /// <summary>A table imported by a person (asset CSV/XLSX, statement workbook): 20 MiB.</summary>
    [Range(1024, 1L << 40)]
    public long MaxImportBytes { get; set; } = 20 * MiB;

    /// <summary>A machine export read whole (scanner results such as Prowler JSON/CSV): 100 MiB.</summary>
    [Range(1024, 1L << 40)]
    public long MaxScanResultBytes { get; set; } = 100 * MiB;

    /// <summary>What a multipart request may carry beyond its file (boundaries, part headers, form fields): 1 MiB.</summary>
    [Range(1024, 1L << 30)]
    public long EnvelopeBytes { get; set; } = MiB;

    /// <summary>Results in one automated run (checks, Prowler, PII scan, legacy import): more is refused whole.</summary>
    [Range(1, 10_000_000)]
    public int MaxRunResults { get; set; } = 100_000;

    /// <summary>Data rows in one CSV file.</summary>
    [Range(1, long.MaxValue)]
    public long MaxCsvRows { get; set; } = 1_000_000;

    /// <summary>Characters in one CSV field.</summary>
    [Range(1, int.MaxValue)]
    public int MaxFieldChars { get; set; } = (int)MiB;

    /// <summary>Characters in one line of a line-based text file (logs).</summary>
    [Range(1, int.MaxValue)]
    public int MaxLineChars { get; set; } = (int)MiB;

    /// <summary>Parts (zip entries) in one uploaded workbook (XLSX).</summary>
    [Range(1, 100_000)]
    public int MaxSheetParts { get; set; } = 200;

    /// <summary>Uncompressed bytes of one workbook part, counted while inflating (a zip bomb stops here): 50 MiB.</summary>
    [Range(1024, 1L << 40)]
    public long MaxSheetPartBytes { get; set; } = 50 * MiB;

    /// <summary>Data rows in one imported worksheet.</summary>
    [Range(1, 1_048_576)]
    public int MaxSheetRows { get; set; } = 2_000;

    /// <summary>Columns in one imported worksheet.</summary>
    [Range(1, 16_384)]
    public int MaxSheetColumns { get; set; } = 64;

    /// <summary>Characters in one worksheet cell (Excel's own limit).</summary>
    [Range(1, 32_767)]
    public int MaxCellChars { get; set; } = 32_767;

    /// <summary>Nesting depth of a JSON document (System.Text.Json's own default).</summary>
    [Range(1, 1024)]
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>The multipart request limit for a file of at most <paramref name="fileBytes"/> bytes.</summary>
    public long RequestLimitFor(long fileBytes) => fileBytes + EnvelopeBytes;

    /// <summary>A line reader over <paramref name="stream"/> with <see cref="MaxLineChars"/> (strict UTF-8).</summary>
    public LineReader Lines(Stream stream, string? file) => LineReader.Open(stream, file, MaxLineChars);

    /// <summary>CSV options with these limits.</summary>
    public CsvOptions Csv(string? file, char delimiter = ',') =>
        new() { File = file, Delimiter = delimiter, MaxRows = MaxCsvRows, MaxFieldChars = MaxFieldChars };
}
