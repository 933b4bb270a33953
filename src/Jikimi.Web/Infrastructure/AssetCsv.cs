using System.Text;
using Jikimi.Application.Assets;
using Jikimi.Domain.Common;
using Jikimi.Input;

namespace Jikimi.Web.Infrastructure;

/// <summary>
/// CSV ⇄ <see cref="AssetSheet"/> through the input edge (RFC 4180, strict UTF-8 with or without BOM, ADR 0038).
/// Only cells move here; the import rules live in the use case, so the XLSX reader feeds the same sheet (ADR 0015).
/// A cell a spreadsheet would run as a formula is written with a leading apostrophe and read back without it (the
/// reversible <see cref="FormulaGuard"/>), so an export imports back unchanged.
/// </summary>
public static class AssetCsv
{
    /// <summary>
    /// The one reading of an uploaded asset file, for the endpoint and the page alike: a declared length over
    /// <see cref="InputLimits.MaxImportBytes"/> is refused before reading and the read is bounded; CSV (strict UTF-8) or XLSX (told
    /// apart by the zip signature); every failure as an error value (<c>input.too_large</c>, <c>input.encoding</c>,
    /// <c>input.empty</c>, <c>input.malformed</c>, <c>import.sheet.*</c>) instead of an exception.
    /// </summary>
    public static async Task<Result<AssetSheet>> ReadUploadAsync(Stream body, string? name, long? declaredLength, InputLimits limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var upload = await InputFile.ReadAsync(body, name, declaredLength, limits.MaxImportBytes, ct);
        if (upload.Error is { } unreadable)
        {
            return unreadable.ToDomainError();
        }

        if (upload.Value.IsZip)
        {
            using var xlsx = upload.Value.OpenRead();
            var (sheet, problem) = Jikimi.Reports.Assets.AssetXlsx.Read(xlsx, limits);
            if (problem is not null)
            {
                return new ImportSheetUnreadable(problem.Code, problem.ToString());
            }

            return sheet is null ? InputError.Empty(name).ToDomainError() : sheet;
        }

        var read = Read(upload.Value);
        return read.Error is { } e ? e.ToDomainError() : read.Value;
    }

    /// <summary>A CSV file as an asset sheet: the header row names the columns; a blank file is <c>input.empty</c>.</summary>
    public static InputResult<AssetSheet> Read(InputBytes file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var text = file.Utf8();
        if (text.Error is { } encoding)
        {
            return encoding;
        }

        if (string.IsNullOrWhiteSpace(text.Value))
        {
            return InputError.Empty(file.Name);
        }

        var table = CsvReader.ReadAll(text.Value, new CsvOptions { File = file.Name, RestoreFormulas = true });
        if (table.Error is { } malformed)
        {
            return malformed;
        }

        return new AssetSheet(table.Value.Header?.Names ?? [], table.Value.Rows.Select(r => r.Fields).ToList());
    }

    /// <summary>The sheet as CSV text (CRLF line ends, formula-guarded cells; the header even for an empty inventory).</summary>
    public static string Write(AssetSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var sb = new StringBuilder();
        var writer = new CsvWriter(new StringWriter(sb));
        writer.WriteRow(sheet.Columns);
        foreach (var cells in sheet.Rows)
        {
            writer.WriteRow(sheet.Columns.Select((_, i) => i < cells.Count ? cells[i] : string.Empty));
        }

        return sb.ToString();
    }
}
