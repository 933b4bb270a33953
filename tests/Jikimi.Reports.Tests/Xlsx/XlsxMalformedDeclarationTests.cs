using System.IO.Compression;
using System.Text;
using Jikimi.Input;
using Jikimi.Reports.Xlsx;

namespace Jikimi.Reports.Tests.Xlsx;

/// <summary>
/// A workbook part whose XML declaration is malformed (unknown, switched or unsupported encoding, bad version) is
/// refused as "not a readable XLSX" — never an exception out of the reader (a fuzzing finding of this kind is the
/// reason for this test; issue 16). The server registers the code-page encodings for EUC-KR, so this test does too:
/// a declaration may then name an EBCDIC or other single-byte code page the reader would switch to.
/// </summary>
public class XlsxMalformedDeclarationTests
{
    public static TheoryData<string, string> Cases()
    {
        var declarations = new[]
        {
            "<?xml version=\"1.0\" encoding=\"no-such-encoding\"?>",
            "<?xml version=\"1.0\" encoding=\"utf-16\"?>",
            "<?xml version=\"1.0\" encoding=\"utf-32\"?>",
            "<?xml version=\"1.0\" encoding=\"utf-7\"?>",
            "<?xml version=\"1.0\" encoding=\"ibm037\"?>",
            "<?xml version=\"1.0\" encoding=\"euc-kr\"?>\u00ff",
            "<?xml version=\"9.9\"?>",
            "<?xml encoding=\"utf-8\"?>",
            "<?xml version=\"1.0\" standalone=\"maybe\"?>",
            "<?xml version=\"1.0\" encoding=\"\"?>",
            "<?xml version=\"1.0\" encoding=\"utf-8\"",
            "<?xml?>",
        };
        var data = new TheoryData<string, string>();
        foreach (var part in new[] { "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/" })
        {
            foreach (var d in declarations)
            {
                data.Add(part, d);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_malformed_xml_declaration_in_any_part_is_a_clear_refusal(string part, string declaration)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var file = WithDeclaration(Workbook(), part, declaration);
        var (sheet, problem) = XlsxReader.Read(new MemoryStream(file), _ => true, "Data", new InputLimits());
        Assert.Null(sheet);
        Assert.Equal("sheet.not_xlsx", problem?.Code);
    }

    private static byte[] Workbook()
    {
        var specs = new List<ColumnSpec> { new("a", "a", "a", 10) };
        var ms = new MemoryStream();
        XlsxWriter.Write(ms, [new SheetTable("Data", specs, [["x"]], Korean: false)]);
        return ms.ToArray();
    }

    /// <summary>The workbook with <paramref name="part"/>'s XML declaration replaced (or added) as given.</summary>
    private static byte[] WithDeclaration(byte[] good, string part, string declaration)
    {
        var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(good), ZipArchiveMode.Read))
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var found = false;
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var text = reader.ReadToEnd();
                if (entry.FullName == part || (part.EndsWith('/') && entry.FullName.StartsWith(part, StringComparison.Ordinal) && !entry.FullName.Contains("/_rels/", StringComparison.Ordinal)))
                {
                    found = true;
                    var body = text.StartsWith("<?xml", StringComparison.Ordinal) ? text[(text.IndexOf("?>", StringComparison.Ordinal) + 2)..] : text;
                    text = declaration + body;
                }

                using var w = zip.CreateEntry(entry.FullName).Open();
                w.Write(Encoding.UTF8.GetBytes(text));
            }

            Assert.True(found, $"the written workbook has no {part}");
        }

        return output.ToArray();
    }
}
