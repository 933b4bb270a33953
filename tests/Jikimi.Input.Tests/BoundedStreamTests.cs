namespace Jikimi.Input.Tests;

public class BoundedStreamTests
{
    private static MemoryStream Bytes(int n) => new(new byte[n]);

    [Fact]
    public async Task Exactly_the_limit_reads_whole()
    {
        using var s = new BoundedStream(Bytes(100), 100, "a.bin");
        using var target = new MemoryStream();
        await s.CopyToAsync(target);
        Assert.Equal(100, target.Length);
        Assert.Equal(100, s.Count);
    }

    [Fact]
    public async Task One_byte_over_the_limit_throws_the_input_exception_naming_the_file()
    {
        using var s = new BoundedStream(Bytes(101), 100, "a.bin");
        var e = await Assert.ThrowsAsync<InputException>(() => s.CopyToAsync(Stream.Null));
        Assert.Equal(InputError.TooLargeCode, e.Error.Code);
        Assert.Equal(InputErrorKind.TooLarge, e.Error.Kind);
        Assert.Equal(100, e.Error.Limit);
        Assert.StartsWith("a.bin: ", e.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Synchronous_reads_and_read_byte_are_bounded_too()
    {
        using var s = new BoundedStream(Bytes(3), 2);
        Assert.Equal(0, s.ReadByte());
        Assert.Equal(0, s.ReadByte());
        Assert.Throws<InputException>(() => s.ReadByte());
    }

    [Fact]
    public void It_is_read_only_and_owns_the_inner_stream_unless_told()
    {
        var inner = Bytes(1);
        using (var s = new BoundedStream(inner, 1, leaveOpen: true))
        {
            Assert.False(s.CanWrite);
            Assert.False(s.CanSeek);
            Assert.Throws<NotSupportedException>(() => s.Write([1], 0, 1));
        }

        Assert.True(inner.CanRead);
        new BoundedStream(inner, 1).Dispose();
        Assert.False(inner.CanRead);
    }
}
