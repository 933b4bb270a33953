using System.Text;
using System.Text.Unicode;

namespace Jikimi.Privacy.Content;

/// <summary>How the bytes of a text are encoded, as detected from their first bytes.</summary>
public enum TextEncodingKind
{
    Utf8,
    Utf16LittleEndian,
    Utf16BigEndian,

    /// <summary>EUC-KR or its superset CP949 (통합형 한글 코드), common in older Korean files.</summary>
    Cp949,
    Binary,
}

/// <summary>
/// Detects UTF-8, UTF-16 (BOM or NUL pattern) and EUC-KR/CP949 and hands out the text as UTF-8, transcoded in
/// chunks. UTF-8 passes through untouched, so offsets are file offsets; for other encodings they are offsets in
/// the UTF-8 text.
/// </summary>
public static class TextDecoder
{
    public const int SampleSize = 16 * 1024;

    private static readonly Encoding Cp949Strict;

    static TextDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Cp949Strict = Encoding.GetEncoding(949, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    public static Encoding Cp949 { get; } = GetCp949();

    private static Encoding GetCp949()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(949);
    }

    public static TextEncodingKind Detect(ReadOnlySpan<byte> sample, bool complete)
    {
        if (sample.Length >= 3 && sample[0] == 0xEF && sample[1] == 0xBB && sample[2] == 0xBF)
        {
            return TextEncodingKind.Utf8;
        }

        if (sample.Length >= 2 && sample[0] == 0xFF && sample[1] == 0xFE)
        {
            return TextEncodingKind.Utf16LittleEndian;
        }

        if (sample.Length >= 2 && sample[0] == 0xFE && sample[1] == 0xFF)
        {
            return TextEncodingKind.Utf16BigEndian;
        }

        if (sample.IndexOf((byte)0) >= 0)
        {
            return Utf16ByNulPattern(sample);
        }

        // Judge only whole characters: cut after the last ASCII byte when the sample is a prefix.
        var whole = complete ? sample : sample[..(sample.LastIndexOfAnyInRange((byte)0, (byte)0x7F) + 1)];
        if (Utf8.IsValid(whole))
        {
            return TextEncodingKind.Utf8;
        }

        try
        {
            Cp949Strict.GetCharCount(whole);
            return TextEncodingKind.Cp949;
        }
        catch (DecoderFallbackException)
        {
            return TextEncodingKind.Utf8; // mostly ASCII with stray bytes: digits and '@' are the same bytes
        }
    }

    private static TextEncodingKind Utf16ByNulPattern(ReadOnlySpan<byte> sample)
    {
        int even = 0, odd = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                if ((i & 1) == 0)
                {
                    even++;
                }
                else
                {
                    odd++;
                }
            }
        }

        var pairs = sample.Length / 2;
        if (odd >= pairs / 8 && even * 20 <= odd)
        {
            return TextEncodingKind.Utf16LittleEndian;
        }

        return even >= pairs / 8 && odd * 20 <= even ? TextEncodingKind.Utf16BigEndian : TextEncodingKind.Binary;
    }

    /// <summary>The text of <paramref name="raw"/> as UTF-8, or null (and Binary) when it is not text.</summary>
    public static Stream? OpenUtf8(Stream raw, out TextEncodingKind kind)
    {
        var sample = new byte[SampleSize];
        var n = 0;
        while (n < sample.Length)
        {
            var r = raw.Read(sample, n, sample.Length - n);
            if (r == 0)
            {
                break;
            }

            n += r;
        }

        kind = Detect(sample.AsSpan(0, n), complete: n < sample.Length);
        var whole = new PrefixedStream(sample, n, raw);
        return kind switch
        {
            TextEncodingKind.Utf8 => whole,
            TextEncodingKind.Utf16LittleEndian => Encoding.CreateTranscodingStream(whole, Encoding.Unicode, Encoding.UTF8),
            TextEncodingKind.Utf16BigEndian => Encoding.CreateTranscodingStream(whole, Encoding.BigEndianUnicode, Encoding.UTF8),
            TextEncodingKind.Cp949 => Encoding.CreateTranscodingStream(whole, Cp949, Encoding.UTF8),
            _ => null,
        };
    }
}

/// <summary>A read-only stream: bytes already read (the detection sample), then the rest of the inner stream.</summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream inner) : Stream
{
    private int _pos;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_pos < prefixLength)
        {
            var n = Math.Min(buffer.Length, prefixLength - _pos);
            prefix.AsSpan(_pos, n).CopyTo(buffer);
            _pos += n;
            return n;
        }

        return inner.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
