using System.Text;

namespace Jikimi.Input.Tests;

public class CsvTests
{
    private static CsvTable Read(string text, CsvOptions? options = null) => CsvReader.ReadAll(text, options ?? new CsvOptions { File = "t.csv" }).Value;

    private static InputError Fail(string text, CsvOptions? options = null) =>
        CsvReader.ReadAll(text, options ?? new CsvOptions { File = "t.csv" }).Error ?? throw new InvalidOperationException("read without error");

    [Fact]
    public void Header_map_rows_and_line_numbers()
    {
        var t = Read("name,owner\r\nweb,kim\r\ndb,lee\r\n");
        Assert.Equal(["name", "owner"], t.Header!.Names);
        Assert.Equal(2, t.Rows.Count);
        Assert.Equal("lee", t.Rows[1].Get("owner"));
        Assert.Null(t.Rows[1].Get("nope"));
        Assert.Equal(2, t.Rows[1].Row);
        Assert.Equal(3, t.Rows[1].Line);
        Assert.Equal(1, t.Header.IndexOf("owner"));
    }

    [Fact]
    public void Crlf_lf_and_cr_line_ends_and_a_missing_last_line_end()
    {
        var t = Read("a,b\nx,1\ry,2\r\nz,3");
        Assert.Equal(["x", "y", "z"], t.Rows.Select(r => r[0]));
        Assert.Equal([2L, 3, 4], t.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Quotes_doubled_quotes_delimiters_and_line_breaks_inside_a_field()
    {
        var t = Read("a,b\n\"x,\"\"y\"\"\",\"two\r\nlines\"\nnext,1\n");
        Assert.Equal("x,\"y\"", t.Rows[0][0]);
        Assert.Equal("two\r\nlines", t.Rows[0][1]);
        Assert.Equal(4, t.Rows[1].Line);
        Assert.Equal("", Read("a\n\"\"\n").Rows[0][0]);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_text()
    {
        Assert.Equal("5\" disk", Read("a\n5\" disk\n").Rows[0][0]);
    }

    [Fact]
    public void A_bom_is_skipped_from_text_and_from_a_stream()
    {
        Assert.Equal("name", Read("\uFEFFname\nx\n").Header!.Names[0]);
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("이름\n홍길동\n")).ToArray();
        var t = CsvReader.ReadAll(new MemoryStream(bytes), new CsvOptions()).Value;
        Assert.Equal("이름", t.Header!.Names[0]);
        Assert.Equal("홍길동", t.Rows[0].Get("이름"));
    }

    [Fact]
    public void A_cp949_stream_is_an_encoding_error_with_its_line()
    {
        var bytes = Encoding.ASCII.GetBytes("name\nok\n").Concat(new byte[] { 0xC0, 0xCC, 0xB8, 0xA7, (byte)'\n' }).ToArray();
        var e = CsvReader.ReadAll(new MemoryStream(bytes), new CsvOptions { File = "cp.csv" }).Error;
        Assert.Equal(InputError.EncodingCode, e?.Code);
        Assert.Equal("cp.csv", e?.Place?.File);
    }

    [Fact]
    public void A_truncated_quoted_field_is_malformed_with_line_row_and_column()
    {
        var e = Fail("a,b\nx,1\ny,\"cut sho");
        Assert.Equal(InputError.MalformedCode, e.Code);
        Assert.Equal(new InputPlace("t.csv", 3, 2, 2), e.Place);
        Assert.Contains("not closed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_malformed()
    {
        var e = Fail("a\n\"x\"y\n");
        Assert.Equal(InputError.MalformedCode, e.Code);
        Assert.Equal(1, e.Place?.Column);
    }

    [Fact]
    public void Rows_exactly_at_the_limit_read_and_one_more_is_refused()
    {
        var o = new CsvOptions { File = "t.csv", MaxRows = 2 };
        Assert.Equal(2, Read("a\n1\n2\n", o).Rows.Count);
        var e = Fail("a\n1\n2\n3\n", o);
        Assert.Equal(InputError.TooManyRowsCode, e.Code);
        Assert.Equal(3, e.Place?.Row);
    }

    [Fact]
    public void A_field_exactly_at_the_limit_reads_and_one_more_character_is_refused()
    {
        var o = new CsvOptions { File = "t.csv", MaxFieldChars = 3 };
        Assert.Equal("abc", Read("h\nabc\n", o).Rows[0][0]);
        var e = Fail("h\nx,abcd\n", o);
        Assert.Equal(InputError.FieldTooLongCode, e.Code);
        Assert.Equal(new InputPlace("t.csv", 2, 1, 2), e.Place);
    }

    [Fact]
    public void Blank_lines_are_skipped_unless_asked_and_short_rows_read_empty()
    {
        var t = Read("a,b\n\n1\n\n");
        Assert.Single(t.Rows);
        Assert.Equal("", t.Rows[0].Get("b"));
        Assert.Equal(["", "1"], Read("a\n\n1\n", new CsvOptions { SkipBlankLines = false }).Rows.Select(r => r[0]));
    }

    [Fact]
    public void Other_delimiters_no_header_and_case_insensitive_names()
    {
        var t = Read("A;B\nx;y\n", new CsvOptions { Delimiter = ';', HeaderComparer = StringComparer.OrdinalIgnoreCase });
        Assert.Equal("y", t.Rows[0].Get("b"));
        var raw = Read("x,y\n", new CsvOptions { HasHeader = false });
        Assert.Null(raw.Header);
        Assert.Equal(1, raw.Rows[0].Row);
    }

    [Fact]
    public void An_empty_file_has_no_header_and_no_rows()
    {
        var t = Read("");
        Assert.Null(t.Header);
        Assert.Empty(t.Rows);
        using var r = CsvReader.FromText("\n\n", new CsvOptions());
        Assert.Null(r.ReadHeader().Value);
    }

    [Fact]
    public void Streaming_stops_at_the_first_error_and_keeps_it()
    {
        using var r = CsvReader.FromText("a\n1\n\"x\"y\n2\n", new CsvOptions());
        Assert.True(r.TryRead(out var first));
        Assert.Equal("1", first[0]);
        Assert.False(r.TryRead(out _));
        Assert.False(r.TryRead(out _));
        Assert.Equal(InputError.MalformedCode, r.Error?.Code);
    }

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@x", "'@x")]
    [InlineData("\tx", "'\tx")]
    [InlineData("'=x", "''=x")]
    [InlineData("'plain", "'plain")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void The_formula_guard_neutralizes_and_restores_exactly(string value, string guarded)
    {
        Assert.Equal(guarded, FormulaGuard.Neutralize(value));
        Assert.Equal(value, FormulaGuard.Restore(guarded));
    }

    [Fact]
    public void Written_rows_read_back_unchanged_through_the_guard()
    {
        string?[][] rows = [["=1+1", "a,b", "say \"hi\""], ["'=x", "two\nlines", null], ["-5", "@me", "plain"]];
        var sb = new StringBuilder();
        var w = new CsvWriter(new StringWriter(sb));
        w.WriteRow(["c1", "c2", "c3"]);
        foreach (var row in rows)
        {
            w.WriteRow(row);
        }

        Assert.StartsWith("c1,c2,c3\r\n'=1+1,\"a,b\",\"say \"\"hi\"\"\"\r\n", sb.ToString(), StringComparison.Ordinal);
        var back = Read(sb.ToString(), new CsvOptions { RestoreFormulas = true });
        Assert.Equal(rows.Select(r => r.Select(c => c ?? string.Empty)), back.Rows.Select(r => r.Fields));
    }

    [Fact]
    public void The_writer_quotes_only_what_needs_it_and_can_leave_formulas_alone()
    {
        Assert.Equal("a;\"b;c\";\"x\ry\"", CsvWriter.Line(["a", "b;c", "x\ry"], ';'));
        Assert.Equal("=1", CsvWriter.Field("=1", guardFormulas: false));
        Assert.Equal("'=1", CsvWriter.Field("=1"));
        var sb = new StringBuilder();
        new CsvWriter(new StringWriter(sb), newLine: "\n").WriteRow(["x"]);
        Assert.Equal("x\n", sb.ToString());
    }
}
