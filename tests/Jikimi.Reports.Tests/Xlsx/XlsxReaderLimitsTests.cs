using Jikimi.Input;
using Jikimi.Reports.Xlsx;

namespace Jikimi.Reports.Tests.Xlsx;

/// <summary>The workbook reader takes its limits from the configured <see cref="InputLimits"/> (section <c>Input</c>).</summary>
public class XlsxReaderLimitsTests
{
    private static MemoryStream Workbook(int rows, int columns)
    {
        var specs = Enumerable.Range(1, columns).Select(c => new ColumnSpec($"c{c}", $"c{c}", $"c{c}", 10)).ToList();
        var data = Enumerable.Range(1, rows).Select(r => (IReadOnlyList<string?>)Enumerable.Range(1, columns).Select(c => (string?)$"r{r}c{c}").ToList()).ToList();
        var ms = new MemoryStream();
        XlsxWriter.Write(ms, [new SheetTable("Data", specs, data, Korean: false)]);
        ms.Position = 0;
        return ms;
    }

    [Theory]
    [InlineData(3, 3, null)]
    [InlineData(4, 3, "sheet.too_many_rows")]
    [InlineData(3, 5, "sheet.too_many_columns")]
    public void Configured_row_and_column_limits_apply(int rows, int columns, string? expected)
    {
        var limits = new InputLimits { MaxSheetRows = 3, MaxSheetColumns = 4 };
        var (sheet, problem) = XlsxReader.Read(Workbook(rows, columns), _ => true, "Data", limits);
        Assert.Equal(expected, problem?.Code);
        if (expected is null)
        {
            Assert.Equal($"r{rows}c{columns}", sheet!.Rows.Values.Last()[columns].Text);
        }
    }

    [Fact]
    public void A_reader_may_set_its_own_row_cap_above_the_configured_one()
    {
        var (sheet, problem) = XlsxReader.Read(Workbook(5, 2), _ => true, "Data", new InputLimits { MaxSheetRows = 2 }, maxRows: 5);
        Assert.Null(problem);
        Assert.Equal(6, sheet!.Rows.Count); // the header row and five data rows
    }

    [Fact]
    public void The_configured_byte_limit_refuses_a_larger_file()
    {
        var file = Workbook(50, 4);
        var (_, problem) = XlsxReader.Read(file, _ => true, "Data", new InputLimits { MaxImportBytes = 1024 });
        Assert.Equal("sheet.too_large", problem?.Code);
    }
}
