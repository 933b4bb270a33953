using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jikimi.Reports.Xlsx;

/// <summary>
/// Writes typed tables as an XLSX workbook with the layout auditors expect: bold shaded header row, frozen under the
/// header, set column widths, wrapped top-aligned text, an autofilter, A4 print set-up (fit to width, header row
/// repeated on every page). Deterministic: the same tables give the same parts (only the zip timestamps differ).
/// </summary>
public static class XlsxWriter
{
    private const uint HeaderStyle = 1;
    private const uint WrapStyle = 2;
    private const uint PlainStyle = 3;

    public static void Write(Stream output, IReadOnlyList<SheetTable> tables)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = doc.AddWorkbookPart();
        doc.ChangeIdOfPart(workbookPart, "rIdWorkbook"); // generated ids are random: fixed ones keep files comparable
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
        styles.Stylesheet = Stylesheet();
        var sheets = new Sheets();
        var names = new DefinedNames();
        for (var i = 0; i < tables.Count; i++)
        {
            var table = tables[i];
            var id = $"rIdSheet{i + 1}";
            var part = workbookPart.AddNewPart<WorksheetPart>(id);
            part.Worksheet = Worksheet(table);
            sheets.Append(new Sheet { Name = table.Name, SheetId = (uint)(i + 1), Id = id });
            names.Append(new DefinedName($"'{table.Name.Replace("'", "''", StringComparison.Ordinal)}'!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i });
        }

        workbookPart.Workbook = new Workbook(sheets, names);
        workbookPart.Workbook.Save();
    }

    private static Worksheet Worksheet(SheetTable table)
    {
        var columns = table.Columns;
        var lastColumn = CellRef.Column(columns.Count);
        var lastRow = table.Rows.Count + 1;
        var cols = new Columns();
        for (var c = 0; c < columns.Count; c++)
        {
            cols.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = columns[c].Width, CustomWidth = true });
        }

        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < columns.Count; c++)
        {
            header.Append(TextCell(c + 1, 1, columns[c].Header(table.Korean), HeaderStyle));
        }

        data.Append(header);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 2) };
            var values = table.Rows[r];
            for (var c = 0; c < columns.Count; c++)
            {
                var value = c < values.Count ? values[c] : null;
                row.Append(TextCell(c + 1, r + 2, value is null ? null : Jikimi.Input.FormulaGuard.Neutralize(Clean(value)), columns[c].Wrap ? WrapStyle : PlainStyle));
            }

            data.Append(row);
        }

        return new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetDimension { Reference = $"A1:{lastColumn}{lastRow}" },
            new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 16.5 },
            cols,
            data,
            new AutoFilter { Reference = $"A1:{lastColumn}{lastRow}" },
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = table.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait, FitToWidth = 1, FitToHeight = 0 },
            new HeaderFooter(new OddFooter("&C&P / &N")));
    }

    private static Cell TextCell(int column, int row, string? text, uint style)
    {
        var cell = new Cell { CellReference = CellRef.Of(column, row), StyleIndex = style };
        if (!string.IsNullOrEmpty(text))
        {
            cell.DataType = CellValues.InlineString;
            cell.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        }

        return cell;
    }

    /// <summary>XML cannot carry most control characters; the domain rejects them anyway.</summary>
    private static string Clean(string s) =>
        s.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')) ? new string(s.Where(ch => !char.IsControl(ch) || ch is '\n' or '\r' or '\t').ToArray()) : s;

    private static Stylesheet Stylesheet()
    {
        static Font Font(bool bold)
        {
            var f = new Font();
            if (bold)
            {
                f.Append(new Bold());
            }

            f.Append(new FontSize { Val = 10 }, new FontName { Val = "맑은 고딕" }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 129 });
            return f;
        }

        var thin = new Border(
            new LeftBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        var fonts = new Fonts(Font(false), Font(true));

        return new Stylesheet(
            fonts,
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin),
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }),
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
                { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
                { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 1, FormatId = 0, ApplyNumberFormat = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top })
                { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 1, FormatId = 0, ApplyNumberFormat = true, ApplyBorder = true, ApplyAlignment = true }),
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }
}
