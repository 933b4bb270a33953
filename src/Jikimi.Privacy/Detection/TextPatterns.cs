using System.Runtime.CompilerServices;

namespace Jikimi.Privacy.Detection;

/// <summary>Patterns that start with a letter or around '@': passports and e-mail addresses.</summary>
public sealed partial class PiiDetector
{
    private const int MaxLocalPart = 64;
    private const int MaxDomain = 253;

    private static readonly string[] FileExtensions = ["png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "js", "css", "map", "json", "txt", "xml", "html", "md"];

    /// <summary>
    /// 여권번호 at text[i-1]: previous form letter + 8 digits (M12345678), current form letter + 3 digits + letter +
    /// 4 digits (M123A4567); the letters in either case (m123a4567 as typed). No public check digit, so weak alone: reported at default only with a context word.
    /// Returns the end of the match, or 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Passport(ReadOnlySpan<byte> text, int i, bool final, ref int lastEnd, IMatchSink sink)
    {
        var run = text[i..].IndexOfAnyExcept(DigitBytes);
        var end = run < 0 ? text.Length : i + run;
        bool current;
        if (end - i == 8)
        {
            current = false;
        }
        else if (end - i == 3 && end + 5 <= text.Length && (text[end] | 0x20) is >= (byte)'a' and <= (byte)'z'
                 && text.Slice(end + 1, 4).IndexOfAnyExcept(DigitBytes) < 0)
        {
            current = true;
            end += 5;
        }
        else
        {
            return 0;
        }

        if (end >= text.Length ? !final : IsWord(text[end]) || (text[end] is (byte)'-' or (byte)'.' && end + 1 < text.Length && IsDigit(text[end + 1])))
        {
            return 0;
        }

        var ctx = ContextWords.Near(text, i - 1, end, PiiType.KrPassport);
        var c = ctx ? (current ? Confidence.High : Confidence.Medium) : Confidence.Low;
        Emit(PiiType.KrPassport, c, i - 1, end, text, ref lastEnd, sink);
        return end;
    }

    /// <summary>An e-mail address around the '@' at <paramref name="at"/>; returns where scanning continues.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Email(ReadOnlySpan<byte> text, int at, bool final, ref int lastEnd, IMatchSink sink)
    {
        if (!Enabled(PiiType.Email))
        {
            return at + 1;
        }

        var floor = Math.Max(lastEnd, at - MaxLocalPart - 1);
        var start = at;
        while (start > floor && IsLocal(text[start - 1]))
        {
            start--;
        }

        if (at - start > MaxLocalPart)
        {
            return at + 1; // local part longer than allowed
        }

        while (start < at && text[start] == (byte)'.')
        {
            start++;
        }

        var limit = Math.Min(text.Length, at + 1 + MaxDomain);
        var end = at + 1;
        while (end < limit && IsDomain(text[end]))
        {
            end++;
        }

        if (end == text.Length && !final)
        {
            return at + 1;
        }

        while (end > at + 1 && text[end - 1] is (byte)'.' or (byte)'-')
        {
            end--;
        }

        if (start == at || !ValidDomain(text[(at + 1)..end]))
        {
            return at + 1;
        }

        Emit(PiiType.Email, Confidence.High, start, end, text, ref lastEnd, sink);
        return end;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ValidDomain(ReadOnlySpan<byte> domain)
    {
        var dot = domain.LastIndexOf((byte)'.');
        if (dot <= 0 || domain[0] is (byte)'.' or (byte)'-' || domain.IndexOf(".."u8) >= 0)
        {
            return false;
        }

        var tld = domain[(dot + 1)..];
        if (tld.Length is < 2 or > 24)
        {
            return false;
        }

        foreach (var b in tld)
        {
            if ((uint)((b | 0x20) - 'a') > 'z' - 'a')
            {
                return false;
            }
        }

        Span<char> lower = stackalloc char[24];
        for (var k = 0; k < tld.Length; k++)
        {
            lower[k] = (char)(tld[k] | 0x20);
        }

        var name = lower[..tld.Length];
        foreach (var ext in FileExtensions)
        {
            if (name.SequenceEqual(ext))
            {
                return false; // "icon@2x.png", "lib@1.2.js"
            }
        }

        return true;
    }

    private static bool IsLocal(byte b) => IsWord(b) || b is (byte)'.' or (byte)'%' or (byte)'+' or (byte)'-';

    private static bool IsDomain(byte b) => IsDigit(b) || (uint)((b | 0x20) - 'a') <= 'z' - 'a' || b is (byte)'.' or (byte)'-';
}
