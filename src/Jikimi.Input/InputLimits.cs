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

    /// <summary>Data rows in one CSV file.</summary>
    [Range(1, long.MaxValue)]
    public long MaxCsvRows { get; set; } = 1_000_000;

    /// <summary>Characters in one CSV field.</summary>
    [Range(1, int.MaxValue)]
    public int MaxFieldChars { get; set; } = (int)MiB;

    /// <summary>Characters in one line of a line-based text file (logs).</summary>
    [Range(1, int.MaxValue)]
    public int MaxLineChars { get; set; } = (int)MiB;

    /// <summary>Nesting depth of a JSON document (System.Text.Json's own default).</summary>
    [Range(1, 1024)]
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>The multipart request limit for a file of at most <paramref name="fileBytes"/> bytes.</summary>
    public long RequestLimitFor(long fileBytes) => fileBytes + EnvelopeBytes;

    /// <summary>CSV options with these limits.</summary>
    public CsvOptions Csv(string? file, char delimiter = ',') =>
        new() { File = file, Delimiter = delimiter, MaxRows = MaxCsvRows, MaxFieldChars = MaxFieldChars };
}
