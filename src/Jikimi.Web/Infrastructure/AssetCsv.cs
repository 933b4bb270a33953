using System.Text;
using Jikimi.Application.Assets;
using nietras.SeparatedValues;

namespace Jikimi.Web.Infrastructure;

/// <summary>
/// CSV ⇄ <see cref="AssetSheet"/> with Sep (RFC 4180 quoting, UTF-8 with or without BOM). Only cells move here;
/// the import rules live in the use case, so the XLSX reader can feed the same sheet later (ADR 0015). A cell a
/// spreadsheet would run as a formula is written with a leading apostrophe and read back without it (the reversible
/// <see cref="Jikimi.Reports.Xlsx.FormulaGuard"/> the XLSX sheets use), so an export imports back unchanged.
/// </summary>
public static class AssetCsv
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// A CSV or XLSX file (told apart by the zip signature) as an asset sheet. Null sheet and null problem for an empty
    /// body; a problem (with its cell) for an unreadable workbook; throws <see cref="DecoderFallbackException"/> when a
    /// CSV is not UTF-8.
    /// </summary>
    public static async Task<(AssetSheet? Sheet, Jikimi.Reports.Xlsx.SheetProblem? Problem)> ReadAnyAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, ct);
        if (buffer.Length >= 4 && buffer.GetBuffer() is [0x50, 0x4B, 0x03, 0x04, ..])
        {
            buffer.Position = 0;
            return Jikimi.Reports.Assets.AssetXlsx.Read(buffer);
        }

        buffer.Position = 0;
        return (await ReadAsync(buffer, ct), null);
    }

    /// <summary>Null for an empty body; throws <see cref="DecoderFallbackException"/> when the file is not UTF-8.</summary>
    public static async Task<AssetSheet?> ReadAsync(Stream body, CancellationToken ct)
    {
        // Buffered (bounded): a partial read must import nothing anyway. Strict UTF-8, so a file saved as CP949
        // ("CSV (쉼표로 분리)" in Korean Excel) is refused instead of importing garbled names.
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, ct);
        var text = StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, HasHeader = true }).FromText(text);
        var columns = reader.Header.ColNames.ToList();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in reader)
        {
            var cells = new string[row.ColCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Jikimi.Reports.Xlsx.FormulaGuard.Restore(row[i].ToString()); // undoes the export's guard
            }

            rows.Add(cells);
        }

        return new AssetSheet(columns, rows);
    }

    public static string Write(AssetSheet sheet)
    {
        var sb = new StringBuilder();
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(new StringWriter(sb)))
        {
            foreach (var cells in sheet.Rows)
            {
                using var row = writer.NewRow();
                for (var i = 0; i < sheet.Columns.Count; i++)
                {
                    row[sheet.Columns[i]].Set(Jikimi.Reports.Xlsx.FormulaGuard.Neutralize(i < cells.Count ? cells[i] : string.Empty));
                }
            }

            if (sheet.Rows.Count == 0)
            {
                // Sep writes the header with the first row; an empty inventory still gets the template header.
                return string.Join(',', sheet.Columns) + "\r\n";
            }
        }

        return sb.ToString();
    }
}
