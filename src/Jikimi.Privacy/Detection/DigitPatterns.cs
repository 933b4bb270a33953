using System.Runtime.CompilerServices;

namespace Jikimi.Privacy.Detection;

/// <summary>Classification of digit tokens by group lengths, then validation and confidence (docs/pii.md).</summary>
public sealed partial class PiiDetector
{
    private static ReadOnlySpan<byte> DashSpace => "- "u8;
    private static ReadOnlySpan<byte> AnySep => "-. "u8;
    private static ReadOnlySpan<byte> Dash => "-"u8;

    /// <summary>Tries every shape that starts at group s, most specific first; returns the last group used, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int MatchAt(ReadOnlySpan<byte> text, ref Token tok, int s, bool final, byte prev, Span<byte> digits, ref int lastEnd, IMatchSink sink)
    {
        var start = tok.Starts[s];
        if (s == 0 && prev == (byte)'+' && text[start] == (byte)'8' && tok.Lens[0] >= 2 && text[start + 1] == (byte)'2')
        {
            return InternationalPhone(text, ref tok, final, digits, ref lastEnd, sink);
        }

        if (s + 1 < tok.Count && tok.Lens[s] is >= 2 and <= 6 && tok.Lens[s + 1] >= 2)
        {
            var g = Grouped(text, ref tok, s, final, digits, ref lastEnd, sink);
            if (g >= 0)
            {
                return g;
            }
        }

        if (EndsCleanly(text, ref tok, s, final) && Contiguous(text, ref tok, s, digits, ref lastEnd, sink))
        {
            return s;
        }

        // Bank accounts have no public checksum and many layouts: only with a context word.
        for (var k = Math.Min(4, tok.Count - s); k >= 1; k--)
        {
            if (BankAccount(text, ref tok, s, k, final, digits, ref lastEnd, sink))
            {
                return s + k - 1;
            }
        }

        return -1;
    }

    /// <summary>Shapes of two or more groups: the separators themselves are evidence.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Grouped(ReadOnlySpan<byte> text, ref Token tok, int s, bool final, Span<byte> digits, ref int lastEnd, IMatchSink sink)
    {
        var start = tok.Starts[s];
        var first = tok.Lens[s]; // each shape below fixes its first group's length: test that before the shape
        if (first == 6 && Fits(text, ref tok, s, [6, 7], DashSpace, final))
        {
            var (type, c) = Registration(Dig(text, ref tok, s, 1, digits), tok.Seps[s] == (byte)'-', text, start, End(ref tok, s + 1));
            if (Emit(type, c, start, End(ref tok, s + 1), text, ref lastEnd, sink))
            {
                return s + 1;
            }
        }

        if (first == 4 && Fits(text, ref tok, s, [4, 4, 4, 4, 3], DashSpace, final) && EmitCard(text, ref tok, s, 4, grouped: true, digits, ref lastEnd, sink))
        {
            return s + 4;
        }

        if (first == 4 && (Fits(text, ref tok, s, [4, 4, 4, 4], DashSpace, final) || Fits(text, ref tok, s, [4, 6, 5], DashSpace, final) || Fits(text, ref tok, s, [4, 6, 4], DashSpace, final))
            && EmitCard(text, ref tok, s, tok.Lens[s + 1] == 6 ? 2 : 3, grouped: true, digits, ref lastEnd, sink))
        {
            return s + (tok.Lens[s + 1] == 6 ? 2 : 3);
        }

        if (first == 2 && Fits(text, ref tok, s, [2, 2, 6, 2], DashSpace, final))
        {
            var d = Dig(text, ref tok, s, 3, digits);
            var c = Validators.DriverRegion(d) ? Up(Confidence.Medium, Ctx(text, ref tok, s, 3, PiiType.KrDriverLicense)) : (Confidence?)null;
            if (Emit(PiiType.KrDriverLicense, c, start, End(ref tok, s + 3), text, ref lastEnd, sink))
            {
                return s + 3;
            }
        }

        if (s == 0 && first == 2 && Fits(text, ref tok, s, [2, 6, 2], Dash, final) && ContextWords.DriverRegionNameBefore(text, start))
        {
            var c = Up(Confidence.Medium, Ctx(text, ref tok, s, 2, PiiType.KrDriverLicense));
            if (Emit(PiiType.KrDriverLicense, c, start, End(ref tok, s + 2), text, ref lastEnd, sink))
            {
                return s + 2;
            }
        }

        if (first == 3 && Fits(text, ref tok, s, [3, 2, 5], DashSpace, final))
        {
            var c = Validators.Brn(Dig(text, ref tok, s, 2, digits)) ? Up(Confidence.Medium, Ctx(text, ref tok, s, 2, PiiType.KrBrn)) : (Confidence?)null;
            if (Emit(PiiType.KrBrn, c, start, End(ref tok, s + 2), text, ref lastEnd, sink))
            {
                return s + 2;
            }
        }

        if (first is >= 2 and <= 4 && tok.Lens[s + 1] is 3 or 4 && Fits(text, ref tok, s, [0, 0, 4], AnySep, final))
        {
            var c = GroupedPhone(Dig(text, ref tok, s, 2, digits), tok.Lens[s], tok.Lens[s + 1]);
            if (c is not null && Emit(PiiType.Phone, c == Confidence.High ? c : Up(c.Value, Ctx(text, ref tok, s, 2, PiiType.Phone)), start, End(ref tok, s + 2), text, ref lastEnd, sink))
            {
                return s + 2;
            }
        }

        return -1;
    }

    /// <summary>A single run of digits: registration numbers, cards, licences, BRNs and phones without separators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Contiguous(ReadOnlySpan<byte> text, ref Token tok, int s, Span<byte> digits, ref int lastEnd, IMatchSink sink)
    {
        var n = tok.Lens[s];
        if (n is < 9 or > 19)
        {
            return false;
        }

        var d = Dig(text, ref tok, s, 0, digits);
        var start = tok.Starts[s];
        var end = start + n;
        if (n == 13)
        {
            var (type, c) = Registration(d, hyphen: false, text, start, end);
            if (Emit(type, c, start, end, text, ref lastEnd, sink))
            {
                return true;
            }
        }

        if (n >= 13 && CardConfidence(d, grouped: false, text, start, end) is { } card)
        {
            return Emit(PiiType.Card, card, start, end, text, ref lastEnd, sink);
        }

        // The weak shapes below yield to a bank account when only the account has a context word.
        if (n == 12 && Validators.DriverRegion(d))
        {
            return Weak(PiiType.KrDriverLicense, Confidence.Low, text, start, end, ref lastEnd, sink);
        }

        if (n == 10 && Validators.Brn(d) && d[0] != (byte)'0')
        {
            return Weak(PiiType.KrBrn, Confidence.Low, text, start, end, ref lastEnd, sink);
        }

        if (d[0] == (byte)'0' && ContiguousPhone(d) is { } phone)
        {
            return Weak(PiiType.Phone, phone, text, start, end, ref lastEnd, sink);
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Weak(PiiType type, Confidence c, ReadOnlySpan<byte> text, int start, int end, ref int lastEnd, IMatchSink sink)
    {
        var ctx = ContextWords.Near(text, start, end, type);
        if (!ctx && c == Confidence.Low && Enabled(PiiType.BankAccount) && ContextWords.Near(text, start, end, PiiType.BankAccount))
        {
            return false;
        }

        return Emit(type, Up(c, ctx), start, end, text, ref lastEnd, sink);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (PiiType Type, Confidence? Confidence) Registration(ReadOnlySpan<byte> d, bool hyphen, ReadOnlySpan<byte> text, int start, int end)
    {
        // 법인등록번호 share the 6-7 shape; their own check digit and the word before them tell them apart.
        var person = Validators.TryRegistrationShape(d, _latestBirth, out var foreigner);
        var personChecksum = person && (foreigner ? Validators.FrnChecksum(d) : Validators.RrnChecksum(d));
        var corporate = Enabled(PiiType.KrCrn) && Validators.CrnChecksum(d);
        if (Enabled(PiiType.KrCrn) && (corporate || !personChecksum) && ContextWords.Near(text, start, end, PiiType.KrCrn))
        {
            // Next to 법인등록번호: a company's number, never a person's (without its check digit: a typo, reported low).
            return (PiiType.KrCrn, !corporate ? Confidence.Low : hyphen ? Confidence.High : Confidence.Medium);
        }

        if (!person)
        {
            return corporate && hyphen ? (PiiType.KrCrn, Confidence.Low) : (PiiType.KrRrn, null);
        }

        // Numbers issued since October 2020 have random digits after G: for those born since, no check digit applies.
        var random = Validators.IssuedWithRandomDigits(d);
        var type = foreigner ? PiiType.KrFrn : PiiType.KrRrn;
        var checksum = personChecksum || random;
        if (checksum && hyphen)
        {
            return (type, Confidence.High); // context cannot raise it further: not looked up
        }

        var ctx = ContextWords.Near(text, start, end, type) || (foreigner && ContextWords.Near(text, start, end, PiiType.KrRrn));
        if (!checksum && corporate && !ctx)
        {
            return (PiiType.KrCrn, hyphen ? Confidence.Low : null); // the old check digit should hold, the corporate one does
        }

        // Older numbers re-issued since October 2020 carry random digits too: a failed checksum lowers, never rejects.
        var c = (checksum, hyphen) switch
        {
            (true, true) => Confidence.High,
            (true, false) or (false, true) => Up(Confidence.Medium, ctx),
            _ => Up(Confidence.Low, ctx),
        };
        if (!hyphen && !ctx && c > Confidence.Low && ContextWords.TimestampBefore(text, start))
        {
            c--;
        }

        return (type, c);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool EmitCard(ReadOnlySpan<byte> text, ref Token tok, int s, int last, bool grouped, Span<byte> digits, ref int lastEnd, IMatchSink sink)
    {
        var start = tok.Starts[s];
        var end = End(ref tok, s + last);
        var c = CardConfidence(Dig(text, ref tok, s, last, digits), grouped, text, start, end);
        return Emit(PiiType.Card, c, start, end, text, ref lastEnd, sink);
    }

    private static Confidence? CardConfidence(ReadOnlySpan<byte> d, bool grouped, ReadOnlySpan<byte> text, int start, int end)
    {
        var issuer = Validators.CardIssuerOf(d);
        if (issuer == CardIssuer.None || !Validators.Luhn(d))
        {
            return null;
        }

        if (grouped && issuer != CardIssuer.KoreanDomestic)
        {
            return Confidence.High; // context cannot raise it further: not looked up
        }

        var ctx = ContextWords.Near(text, start, end, PiiType.Card);
        var c = grouped ? Confidence.High : Up(Confidence.Medium, ctx);
        return issuer == CardIssuer.KoreanDomestic && !ctx ? c - 1 : c;
    }

    /// <summary>010-1234-5678 (high), legacy 011/016–019 and landlines (medium); null when the prefix is no phone's.</summary>
    private static Confidence? GroupedPhone(ReadOnlySpan<byte> d, int first, int middle)
    {
        if (d[0] != (byte)'0')
        {
            return null;
        }

        return first switch
        {
            2 when d[1] == (byte)'2' => Confidence.Medium,
            3 when d[1] == (byte)'1' && d[2] == (byte)'0' => middle == 4 ? Confidence.High : null,
            3 when d[1] == (byte)'1' && d[2] is (byte)'1' or (byte)'6' or (byte)'7' or (byte)'8' or (byte)'9' => Confidence.Medium,
            3 when d[1] is >= (byte)'3' and <= (byte)'6' && d[2] is >= (byte)'1' and <= (byte)'5' => Confidence.Medium,
            3 when d[1] == (byte)'7' && d[2] == (byte)'0' => Confidence.Medium,
            4 when d[1] == (byte)'5' && d[2] == (byte)'0' && d[3] is >= (byte)'2' and <= (byte)'8' => Confidence.Medium,
            _ => null,
        };
    }

    /// <summary>01012345678 (medium); legacy mobiles and landlines without separators (low).</summary>
    private static Confidence? ContiguousPhone(ReadOnlySpan<byte> d)
    {
        var n = d.Length;
        if (d[1] == (byte)'1' && d[2] == (byte)'0')
        {
            return n == 11 ? Confidence.Medium : null;
        }

        if (d[1] == (byte)'1' && d[2] is (byte)'1' or (byte)'6' or (byte)'7' or (byte)'8' or (byte)'9')
        {
            return n is 10 or 11 ? Confidence.Low : null;
        }

        if (d[1] == (byte)'2')
        {
            return n is 9 or 10 ? Confidence.Low : null;
        }

        var area = (d[1] is >= (byte)'3' and <= (byte)'6' && d[2] is >= (byte)'1' and <= (byte)'5') || (d[1] == (byte)'7' && d[2] == (byte)'0');
        return area && n is 10 or 11 ? Confidence.Low : null;
    }

    /// <summary>+82 10-1234-5678, +82-2-123-4567, +821012345678 (the leading 0 of the area code dropped).</summary>
    private int InternationalPhone(ReadOnlySpan<byte> text, ref Token tok, bool final, Span<byte> digits, ref int lastEnd, IMatchSink sink)
    {
        int last;
        if (tok.Lens[0] == 2 && tok.Count >= 4 && tok.Lens[1] is 1 or 2 && tok.Lens[2] is 3 or 4 && tok.Lens[3] == 4 && EndsCleanly(text, ref tok, 3, final))
        {
            last = 3;
        }
        else if (tok.Lens[0] is >= 10 and <= 12 && EndsCleanly(text, ref tok, 0, final))
        {
            last = 0;
        }
        else
        {
            return -1;
        }

        var n = tok.Digits(text, 0, last, digits);
        var national = digits[2..n];
        var ok = national.Length is >= 8 and <= 10 && (national[0] == (byte)'1' ? national[1] is (byte)'0' or (byte)'1' or >= (byte)'6' : national[0] is >= (byte)'2' and <= (byte)'7');
        var start = tok.Starts[0] - 1;
        return Emit(PiiType.Phone, ok ? Confidence.High : null, start, End(ref tok, last), text, ref lastEnd, sink) ? last : -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool BankAccount(ReadOnlySpan<byte> text, ref Token tok, int s, int k, bool final, Span<byte> digits, ref int lastEnd, IMatchSink sink)
    {
        if (!Enabled(PiiType.BankAccount) || !EndsCleanly(text, ref tok, s + k - 1, final))
        {
            return false;
        }

        var total = 0;
        for (var g = s; g < s + k; g++)
        {
            if (tok.Lens[g] < 2 || (g < s + k - 1 && tok.Seps[g] != (byte)'-'))
            {
                return false;
            }

            total += tok.Lens[g];
        }

        var start = tok.Starts[s];
        var end = End(ref tok, s + k - 1);
        if (total is < 10 or > 14 || !ContextWords.Near(text, start, end, PiiType.BankAccount))
        {
            return false;
        }

        return Emit(PiiType.BankAccount, k > 1 ? Confidence.High : Confidence.Medium, start, end, text, ref lastEnd, sink);
    }

    private static bool Fits(ReadOnlySpan<byte> text, ref Token tok, int s, ReadOnlySpan<int> lens, ReadOnlySpan<byte> seps, bool final) =>
        tok.Shape(s, lens, seps) && EndsCleanly(text, ref tok, s + lens.Length - 1, final);

    private static int End(ref Token tok, int g) => tok.Starts[g] + tok.Lens[g];

    private static ReadOnlySpan<byte> Dig(ReadOnlySpan<byte> text, ref Token tok, int s, int extra, Span<byte> digits) =>
        digits[..tok.Digits(text, s, s + extra, digits)];

    private static bool Ctx(ReadOnlySpan<byte> text, ref Token tok, int s, int extra, PiiType type) =>
        ContextWords.Near(text, tok.Starts[s], End(ref tok, s + extra), type);
}
