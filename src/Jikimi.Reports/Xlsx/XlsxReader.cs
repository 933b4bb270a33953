using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Jikimi.Reports.Xlsx;

/// <summary>
/// Bounds for reading one uploaded workbook, taken from the configured <see cref="Jikimi.Input.InputLimits"/> (a
/// reader may set its own row and column caps). Every limit gives a clear problem, never a half read.
/// </summary>
internal sealed record SheetLimits(long MaxFileBytes, long MaxPartBytes, int MaxParts, int MaxRows, int MaxColumns, int MaxCellChars)
{
    public static SheetLimits From(Jikimi.Input.InputLimits limits, int? maxRows, int? maxColumns) => new(
        limits.MaxImportBytes,
        limits.MaxSheetPartBytes,
        limits.MaxSheetParts,
        maxRows ?? limits.MaxSheetRows,
        maxColumns ?? limits.MaxSheetColumns,
        limits.MaxCellChars);
}

/// <summary>One cell as read: its text, and whether it held a formula (which imports refuse).</summary>
public sealed record SheetCell(string Text, bool Formula);

/// <summary>A worksheet's non-empty rows by row number; cells by column number (1 = A).</summary>
public sealed record SheetContent(string Name, IReadOnlyDictionary<int, IReadOnlyDictionary<int, SheetCell>> Rows, IReadOnlyList<string> OtherSheets);

/// <summary>
/// Reads one worksheet of an XLSX file with hard limits: file size, number of zip parts, uncompressed bytes per part
/// (counted while inflating, so a zip bomb stops at the cap whatever its header claims), rows, columns, cell length.
/// No DTDs, no external entities. Values are the cells' text (shared, inline or rich strings; numbers as written).
/// </summary>
public static class XlsxReader
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PkgRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>Reads the first sheet <paramref name="isWanted"/> accepts; <paramref name="maxRows"/> and <paramref name="maxColumns"/> may narrow the configured limits.</summary>
    public static (SheetContent? Sheet, SheetProblem? Problem) Read(Stream input, Func<string, bool> isWanted, string wantedDescription, Jikimi.Input.InputLimits inputLimits, int? maxRows = null, int? maxColumns = null)
    {
        ArgumentNullException.ThrowIfNull(inputLimits);
        var limits = SheetLimits.From(inputLimits, maxRows, maxColumns);
        var read = Jikimi.Input.InputException.Catch(null, () => ReadAll(input, limits.MaxFileBytes));
        if (read.Error is not null)
        {
            return (null, new SheetProblem(null, "sheet.too_large", $"The file is larger than the {limits.MaxFileBytes:N0}-byte limit."));
        }

        var bytes = read.Value;
        if (bytes.Length == 0)
        {
            return (null, new SheetProblem(null, "sheet.empty", "The file is empty."));
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxParts)
            {
                return (null, new SheetProblem(null, "sheet.too_many_parts", $"The workbook has more than {limits.MaxParts} parts."));
            }

            var workbook = Load(zip, "xl/workbook.xml", limits);
            if (workbook is null)
            {
                return (null, NotXlsx());
            }

            var rels = Load(zip, "xl/_rels/workbook.xml.rels", limits);
            var targets = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (XmlElement rel in rels?.GetElementsByTagName("Relationship", PkgRelNs) ?? (XmlNodeList)new XmlDocument().ChildNodes)
            {
                var target = rel.GetAttribute("Target");
                targets[rel.GetAttribute("Id")] = target.StartsWith('/') ? target[1..] : "xl/" + target;
            }

            var sheets = workbook.GetElementsByTagName("sheet", MainNs).Cast<XmlElement>().Select(e => (Name: e.GetAttribute("name"), Id: e.GetAttribute("id", RelNs))).ToList();
            var wanted = sheets.FirstOrDefault(s => isWanted(s.Name));
            if (wanted.Name is null)
            {
                var found = sheets.Count == 0 ? "none" : string.Join(", ", sheets.Select(s => $"'{s.Name}'"));
                return (null, new SheetProblem(null, "sheet.wrong_sheet", $"No sheet named {wantedDescription} (found: {found})."));
            }

            if (!targets.TryGetValue(wanted.Id, out var path) || zip.GetEntry(path) is null)
            {
                return (null, NotXlsx());
            }

            var shared = ReadSharedStrings(zip, limits);
            if (shared.Problem is { } sp)
            {
                return (null, sp);
            }

            var rows = ReadRows(zip.GetEntry(path)!, shared.Strings!, limits);
            return rows.Problem is { } rp ? (null, rp) : (new SheetContent(wanted.Name, rows.Rows!, sheets.Select(s => s.Name).Where(n => n != wanted.Name).ToList()), null);
        }
        catch (Jikimi.Input.InputException)
        {
            return (null, new SheetProblem(null, "sheet.part_too_large", $"A part of the workbook expands beyond {limits.MaxPartBytes:N0} bytes (a zip bomb?)."));
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return (null, NotXlsx());
        }
    }

    private static SheetProblem NotXlsx() =>
        new(null, "sheet.not_xlsx", "The file is not a readable XLSX workbook (corrupted, truncated, or another format).");

    private static byte[] ReadAll(Stream input, long max)
    {
        using var bounded = new Jikimi.Input.BoundedStream(input, max, leaveOpen: true);
        using var buffer = new MemoryStream();
        bounded.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static XmlReaderSettings Settings(SheetLimits limits) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = false,
        MaxCharactersInDocument = limits.MaxPartBytes,
    };

    private static Stream OpenCapped(ZipArchiveEntry entry, SheetLimits limits) => new Jikimi.Input.BoundedStream(entry.Open(), limits.MaxPartBytes, entry.FullName);

    private static XmlDocument? Load(ZipArchive zip, string path, SheetLimits limits)
    {
        var entry = zip.GetEntry(path);
        if (entry is null)
        {
            return null;
        }

        using var s = OpenCapped(entry, limits);
        using var reader = XmlReader.Create(s, Settings(limits));
        var doc = new XmlDocument { XmlResolver = null };
        doc.Load(reader);
        return doc;
    }

    private static (List<string>? Strings, SheetProblem? Problem) ReadSharedStrings(ZipArchive zip, SheetLimits limits)
    {
        var list = new List<string>();
        var entry = zip.GetEntry("xl/sharedStrings.xml");
        if (entry is null)
        {
            return (list, null);
        }

        using var s = OpenCapped(entry, limits);
        using var r = XmlReader.Create(s, Settings(limits));
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "si" && r.NamespaceURI == MainNs)
            {
                list.Add(ReadStringItem(r, limits));
            }
        }

        return (list, null);
    }

    /// <summary>Text of an &lt;si&gt; or &lt;is&gt;: its &lt;t&gt;, or the runs' &lt;t&gt; joined; phonetic runs skipped.</summary>
    private static string ReadStringItem(XmlReader r, SheetLimits limits)
    {
        if (r.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = r.Depth;
        var sb = new StringBuilder();
        while (r.Read() && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "rPh")
            {
                r.Skip();
                if (r.NodeType == XmlNodeType.EndElement && r.Depth == depth)
                {
                    break;
                }
            }

            if (r.NodeType == XmlNodeType.Element && r.LocalName == "t" && !r.IsEmptyElement)
            {
                sb.Append(r.ReadElementContentAsString());
                if (sb.Length > limits.MaxCellChars)
                {
                    break;
                }

                if (r.NodeType == XmlNodeType.EndElement && r.Depth == depth)
                {
                    break;
                }
            }
        }

        return sb.ToString();
    }

    private static (Dictionary<int, IReadOnlyDictionary<int, SheetCell>>? Rows, SheetProblem? Problem) ReadRows(ZipArchiveEntry entry, List<string> shared, SheetLimits limits)
    {
        var rows = new Dictionary<int, IReadOnlyDictionary<int, SheetCell>>();
        using var s = OpenCapped(entry, limits);
        using var r = XmlReader.Create(s, Settings(limits));
        var rowNumber = 0;
        Dictionary<int, SheetCell>? current = null;
        var lastColumn = 0;
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element || r.NamespaceURI != MainNs)
            {
                continue;
            }

            if (r.LocalName == "row")
            {
                rowNumber = int.TryParse(r.GetAttribute("r"), out var rn) ? rn : rowNumber + 1;
                lastColumn = 0;
                if (rowNumber > limits.MaxRows + 1)
                {
                    return (null, new SheetProblem(null, "sheet.too_many_rows", $"The sheet has more than {limits.MaxRows:N0} data rows."));
                }

                current = new Dictionary<int, SheetCell>();
                rows[rowNumber] = current;
            }
            else if (r.LocalName == "c" && current is not null)
            {
                var reference = r.GetAttribute("r");
                var column = CellRef.TryParse(reference, out var col, out _) ? col : lastColumn + 1;
                lastColumn = column;
                if (column > limits.MaxColumns)
                {
                    return (null, new SheetProblem(CellRef.Of(Math.Min(column, 16_384), rowNumber), "sheet.too_many_columns", $"The sheet has more than {limits.MaxColumns} columns."));
                }

                var cell = ReadCell(r, r.GetAttribute("t"), shared, limits);
                if (cell is null)
                {
                    return (null, new SheetProblem(CellRef.Of(column, rowNumber), "sheet.bad_cell", "The cell's value cannot be read."));
                }

                if (cell.Text.Length > limits.MaxCellChars)
                {
                    return (null, new SheetProblem(CellRef.Of(column, rowNumber), "sheet.cell_too_long", $"The cell holds more than {limits.MaxCellChars:N0} characters."));
                }

                if (cell.Text.Length > 0 || cell.Formula)
                {
                    current[column] = cell;
                }
            }
        }

        foreach (var empty in rows.Where(kv => kv.Value.Count == 0).Select(kv => kv.Key).ToList())
        {
            rows.Remove(empty);
        }

        return (rows, null);
    }

    private static SheetCell? ReadCell(XmlReader r, string? type, List<string> shared, SheetLimits limits)
    {
        if (r.IsEmptyElement)
        {
            return new SheetCell(string.Empty, false);
        }

        var depth = r.Depth;
        string? value = null;
        var formula = false;
        while (r.Read() && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (r.LocalName)
            {
                case "f":
                    formula = true;
                    r.Skip();
                    break;
                case "v":
                    value = r.ReadElementContentAsString();
                    break;
                case "is":
                    value = ReadStringItem(r, limits);
                    break;
            }

            if (r.NodeType == XmlNodeType.EndElement && r.Depth == depth)
            {
                break;
            }
        }

        if (type == "s")
        {
            return int.TryParse(value, out var i) && i >= 0 && i < shared.Count ? new SheetCell(shared[i], formula) : null;
        }

        if (type == "b")
        {
            return new SheetCell(value == "1" ? "TRUE" : "FALSE", formula);
        }

        return new SheetCell(value ?? string.Empty, formula);
    }
}
