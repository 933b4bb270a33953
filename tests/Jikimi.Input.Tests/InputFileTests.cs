using System.Text;

namespace Jikimi.Input.Tests;

public class InputFileTests
{
    [Fact]
    public async Task An_upload_at_the_limit_is_read_and_one_over_is_refused()
    {
        var ok = await InputFile.ReadAsync(new MemoryStream(new byte[10]), "up.csv", null, 10, CancellationToken.None);
        Assert.True(ok.IsOk);
        Assert.Equal(10, ok.Value.Length);
        Assert.Equal("up.csv", ok.Value.Name);

        var over = await InputFile.ReadAsync(new MemoryStream(new byte[11]), "up.csv", null, 10, CancellationToken.None);
        Assert.Equal(InputError.TooLargeCode, over.Error?.Code);
        Assert.Equal("up.csv", over.Error?.Place?.File);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_reading()
    {
        var body = new MemoryStream(new byte[5]);
        var r = await InputFile.ReadAsync(body, "x", 11, 10, CancellationToken.None);
        Assert.Equal(InputError.TooLargeCode, r.Error?.Code);
        Assert.Equal(0, body.Position);
    }

    [Fact]
    public async Task An_empty_upload_is_an_error_unless_allowed()
    {
        var r = await InputFile.ReadAsync(new MemoryStream(), "x", 0, 10, CancellationToken.None);
        Assert.Equal(InputError.EmptyCode, r.Error?.Code);
        var allowed = await InputFile.ReadAsync(new MemoryStream(), "x", 0, 10, CancellationToken.None, allowEmpty: true);
        Assert.True(allowed.IsOk);
        Assert.Equal(0, allowed.Value.Length);
    }

    [Fact]
    public async Task A_file_on_disk_is_read_with_its_name_in_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"jikimi-input-{Guid.NewGuid():N}.txt");
        await File.WriteAllBytesAsync(path, new byte[20]);
        try
        {
            var ok = await InputFile.ReadFileAsync(path, 20, CancellationToken.None);
            Assert.Equal(20, ok.Value.Length);
            var over = await InputFile.ReadFileAsync(path, 19, CancellationToken.None);
            Assert.Equal(Path.GetFileName(path), over.Error?.Place?.File);
            Assert.Equal(InputError.TooLargeCode, InputFile.OpenFile(path, 19).Error?.Code);
            using var stream = InputFile.OpenFile(path, 20).Value;
            Assert.Equal(20, stream.Limit);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Utf8_removes_one_bom_and_refuses_cp949_naming_the_line()
    {
        Assert.Equal("가나", InputText.Utf8([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("가나")], "f").Value);
        Assert.Equal("\uFEFFx", InputText.Utf8([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, (byte)'x'], "f").Value);

        // "이름" in CP949 on the second line.
        var r = InputText.Utf8([(byte)'a', (byte)'\n', 0xC0, 0xCC, 0xB8, 0xA7], "names.csv");
        Assert.Equal(InputError.EncodingCode, r.Error?.Code);
        Assert.Equal(2, r.Error?.Place?.Line);
        Assert.Contains("names.csv", r.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_bytes_know_a_zip_and_decode_strictly()
    {
        var zip = new InputBytes("a.xlsx", [0x50, 0x4B, 0x03, 0x04, 0]);
        Assert.True(zip.IsZip);
        Assert.False(new InputBytes("a.csv", "a,b"u8.ToArray()).IsZip);
        Assert.Equal(InputError.EncodingCode, new InputBytes("b", [0xFF]).Utf8().Error?.Code);
        using var s = zip.OpenRead();
        Assert.False(s.CanWrite);
    }

    [Fact]
    public async Task Catch_turns_the_exception_and_a_decoder_refusal_into_values()
    {
        var r = await InputException.CatchAsync<int>("f", () => throw new InputException(InputError.Empty("f")));
        Assert.Equal(InputError.EmptyCode, r.Error?.Code);
        var d = InputException.Catch<string>("f", () => InputText.StrictUtf8.GetString([0xFF]));
        Assert.Equal(InputError.EncodingCode, d.Error?.Code);
        Assert.Equal(3, InputException.Catch("f", () => 3).Value);
        Assert.Throws<InvalidOperationException>(() => d.Value);
    }

    [Fact]
    public void Limits_default_to_the_values_the_readers_had()
    {
        var l = new InputLimits();
        Assert.Equal(20L * 1024 * 1024, l.MaxImportBytes);
        Assert.Equal(100L * 1024 * 1024, l.MaxScanResultBytes);
        Assert.Equal(1024 * 1024, l.EnvelopeBytes);
        Assert.Equal(5 + (1024 * 1024), l.RequestLimitFor(5));
        Assert.Equal("Input", InputLimits.Section);
        var csv = l.Csv("a.csv", ';');
        Assert.Equal(';', csv.Delimiter);
        Assert.Equal(l.MaxCsvRows, csv.MaxRows);
    }

    [Fact]
    public void Every_error_has_its_code_in_the_code_list_and_a_place_without_content()
    {
        var place = new InputPlace("f.csv", 3, 2, 4, null);
        InputError[] all =
        [
            InputError.TooLarge("f.csv", 1), InputError.TooManyRows(place, 1), InputError.FieldTooLong(place, 1),
            InputError.LineTooLong(place, 1), InputError.Encoding(place), InputError.Malformed(place, "bad."), InputError.Empty("f.csv"),
        ];
        Assert.Equal(InputError.Codes.Order(), all.Select(e => e.Code).Order());
        Assert.Equal("f.csv, line 3, row 2, column 4", place.ToString());
        Assert.Equal("$.a[1]", new InputPlace(null, Path: "$.a[1]").ToString());
        Assert.Equal("f.csv, line 3, row 2, column 4: bad.", InputError.Malformed(place, "bad.").Message);
    }
}
