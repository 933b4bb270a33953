using System.Text;

namespace Jikimi.Input.Tests;

public class LineReaderTests
{
    private static List<string> All(LineReader r)
    {
        var lines = new List<string>();
        while (r.TryRead(out var line))
        {
            lines.Add(line);
        }

        return lines;
    }

    [Fact]
    public void Lines_with_any_line_end_a_bom_and_no_final_line_end()
    {
        using var r = LineReader.Open(new MemoryStream([0xEF, 0xBB, 0xBF, .. "a\r\nb\nc\rd"u8]), "log", 10);
        Assert.Equal(["a", "b", "c", "d"], All(r));
        Assert.Null(r.Error);
        Assert.Equal(4, r.LineNumber);
    }

    [Fact]
    public void A_line_exactly_at_the_limit_reads_and_one_more_character_is_refused_with_its_number()
    {
        using var r = new LineReader(new StringReader("abc\nabcd\n"), "access.log", 3);
        Assert.Equal(["abc"], All(r));
        Assert.Equal(InputError.LineTooLongCode, r.Error?.Code);
        Assert.Equal(new InputPlace("access.log", 2), r.Error?.Place);
    }

    [Fact]
    public void Invalid_utf8_is_an_encoding_error()
    {
        using var r = LineReader.Open(new MemoryStream([.. Encoding.ASCII.GetBytes("ok\n"), 0xC0, 0xCC]), "x.log", 100);
        All(r);
        Assert.Equal(InputError.EncodingCode, r.Error?.Code);
    }

    [Fact]
    public void A_bounded_stream_below_reports_too_large()
    {
        using var r = LineReader.Open(new BoundedStream(new MemoryStream(new byte[10_000]), 100, "big.log"), "big.log", int.MaxValue);
        All(r);
        Assert.Equal(InputError.TooLargeCode, r.Error?.Code);
    }
}
