using Jikimi.Application.Assets;
using Jikimi.Reports.Xlsx;

namespace Jikimi.Reports.Assets;

/// <summary>
/// The asset inventory as XLSX, with the same columns as the CSV (so either imports back), read with the same bounds
/// as the statement (file size, zip parts, cells) and handed to the same all-or-nothing import.
/// </summary>
public static class AssetXlsx
{
    public const string SheetName = "assets";

    private static readonly Dictionary<string, (string Ko, double Width)> Columns = new(StringComparer.Ordinal)
    {
        ["assetId"] = ("자산 ID", 14), ["name"] = ("자산명", 28), ["type"] = ("유형", 16), ["owner"] = ("책임자", 24), ["administrator"] = ("관리자", 16),
        ["location"] = ("위치", 16), ["inScope"] = ("인증 범위", 10), ["confidentiality"] = ("기밀성", 10), ["integrity"] = ("무결성", 10),
        ["availability"] = ("가용성", 10), ["personalInfo"] = ("개인정보", 10), ["uniqueId"] = ("고유식별정보", 12),
    };

    /// <summary>Headers are the import's column keys, so the file imports back unchanged; widths and print set-up as the statement.</summary>
    public static byte[] Write(AssetSheet sheet)
    {
        var specs = sheet.Columns.Select(c => new ColumnSpec(c, c, c, Columns.TryGetValue(c, out var x) ? x.Width : 14, Wrap: c is "name" or "location")).ToList();
        using var ms = new MemoryStream();
        XlsxWriter.Write(ms, [new SheetTable(SheetName, specs, sheet.Rows.Select(r => (IReadOnlyList<string?>)r.Cast<string?>().ToList()).ToList(), Korean: true)]);
        return ms.ToArray();
    }

    /// <summary>The first sheet as an <see cref="AssetSheet"/>, or the problem that stops it (with its cell).</summary>
    public static (AssetSheet? Sheet, SheetProblem? Problem) Read(Stream input, Jikimi.Input.InputLimits limits)
    {
        var (content, problem) = XlsxReader.Read(input, _ => true, "the asset sheet", limits, maxRows: AssetSheet.MaxRows + 1, maxColumns: 32);
        if (content is null)
        {
            return (null, problem);
        }

        var header = content.Rows.GetValueOrDefault(1);
        if (header is null || header.Count == 0)
        {
            return (null, new SheetProblem("A1", "sheet.no_header", "The first row must name the columns (assetId, name, type, confidentiality, integrity, availability, …)."));
        }

        var width = header.Keys.Max();
        foreach (var (rowNumber, cells) in content.Rows)
        {
            if (cells.FirstOrDefault(c => c.Value.Formula) is { Value: not null } f)
            {
                return (null, new SheetProblem(CellRef.Of(f.Key, rowNumber), "sheet.formula", "Cells must hold values, not formulas."));
            }
        }

        var columns = Enumerable.Range(1, width).Select(c => header.GetValueOrDefault(c)?.Text.Trim() ?? string.Empty).ToList();
        var last = content.Rows.Keys.Max();
        var rows = new List<IReadOnlyList<string>>();
        for (var r = 2; r <= last; r++)
        {
            var cells = content.Rows.GetValueOrDefault(r);
            // Row numbers must match the sheet's for the error messages: an empty row in the middle stays an (empty) row.
            rows.Add(Enumerable.Range(1, width).Select(c => Jikimi.Input.FormulaGuard.Restore(cells?.GetValueOrDefault(c)?.Text ?? string.Empty)).ToList());
        }

        return (new AssetSheet(columns, rows), null);
    }
}
