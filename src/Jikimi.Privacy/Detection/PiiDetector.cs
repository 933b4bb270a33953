using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Jikimi.Privacy.Detection;

/// <summary>
/// Finds Korean identifiers, cards, accounts, phone numbers and e-mail addresses in UTF-8 text. Thread-safe and
/// allocation-free per byte: a vectorised search jumps to the next digit or '@'; a digit token (digit groups
/// joined by '-', '.' or ' ') is then classified by its group lengths and validated; context words are looked
/// up only for candidates that passed validation.
/// </summary>
public sealed partial class PiiDetector
{
    /// <summary>Bytes after a candidate start the detector may read: callers streaming text keep this much ahead.</summary>
    public const int Lookahead = 384;

    /// <summary>Bytes before a candidate the detector may read (context words, e-mail local parts).</summary>
    public const int Lookbehind = 192;

    internal const int MaxGroups = 16;
    private const int MaxDigits = 32;

    private static readonly SearchValues<byte> Triggers = SearchValues.Create("0123456789@"u8);
    private static readonly SearchValues<byte> DigitBytes = SearchValues.Create("0123456789"u8);

    /// <summary>The fewest digits of any shape (02-123-4567); shorter tokens are skipped at once.</summary>
    private const int MinCandidateDigits = 9;

    private readonly bool[] _enabled = new bool[PiiTypeNames.All.Count];
    private readonly Confidence _min;
    private readonly DateOnly _latestBirth;

    public PiiDetector(DetectorOptions? options = null)
    {
        options ??= new DetectorOptions();
        foreach (var t in PiiTypeNames.All)
        {
            _enabled[(int)t] = options.Types is null || options.Types.Contains(t);
        }

        _min = options.MinConfidence;
        _latestBirth = options.LatestBirthDate;
    }

    public DetectorOptions Options => new() { MinConfidence = _min, LatestBirthDate = _latestBirth, Types = PiiTypeNames.All.Where(t => _enabled[(int)t]).ToHashSet() };

    /// <summary>Scans a whole text (a cell, a line, a small file).</summary>
    public void ScanAll(ReadOnlySpan<byte> text, IMatchSink sink) => Scan(text, 0, text.Length, final: true, 0, sink);

    /// <summary>
    /// Reports matches that start in [<paramref name="from"/>, <paramref name="to"/>) in increasing order. Bytes of
    /// <paramref name="text"/> outside that range are context: a streaming caller keeps <see cref="Lookbehind"/>
    /// bytes before and <see cref="Lookahead"/> after unless the stream ends (<paramref name="final"/>). No match
    /// starts before <paramref name="minStart"/>. Returns where the next call should start (≥ to).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Scan(ReadOnlySpan<byte> text, int from, int to, bool final, int minStart, IMatchSink sink)
    {
        var tok = new Token(stackalloc int[MaxGroups], stackalloc int[MaxGroups], stackalloc byte[MaxGroups]);
        Span<byte> digits = stackalloc byte[MaxDigits];
        var lastEnd = minStart;
        var pos = Vector256.IsHardwareAccelerated ? ScanBlocks(text, from, to, final, ref tok, digits, ref lastEnd, sink) : from;
        var classes = ByteClasses;
        while (pos < to)
        {
            // Digit-dense text (logs) has a trigger every few bytes: look a few bytes ahead with a table before
            // paying for a vectorised search.
            var i = pos;
            var near = Math.Min(to, pos + 16);
            while (i < near && (classes[text[i]] & Trigger) == 0)
            {
                i++;
            }

            if (i == near)
            {
                if (near == to)
                {
                    return to;
                }

                var rel = text[near..to].IndexOfAny(Triggers);
                if (rel < 0)
                {
                    return to;
                }

                i = near + rel;
            }

            if (text[i] == (byte)'@')
            {
                pos = Email(text, i, final, ref lastEnd, sink);
                continue;
            }

            // Fast path: a short run of digits that is glued to a word or stands alone ("took=1079ms",
            // "req=4c2a9f", "status 200") cannot be any shape; most digit tokens end here.
            var prev = i > 0 ? text[i - 1] : (byte)' ';
            var end = i + 1;
            while (end < text.Length && (classes[text[end]] & Digit) != 0)
            {
                end++;
            }

            var pc = classes[prev];
            if ((pc & Word) != 0 && (pc & PassportLetter) == 0)
            {
                while (end < text.Length && (classes[text[end]] & Word) != 0)
                {
                    end++;
                }

                pos = end;
                continue;
            }

            if (end - i < MinCandidateDigits && (pc & (PassportLetter | Plus)) == 0 && (end + 1 >= text.Length || (classes[text[end]] & Separator) == 0 || ((classes[text[end + 1]] & Digit) == 0 && !SpacedHyphen(text, end))))
            {
                pos = end;
                continue;
            }

            pos = DigitToken(text, i, final, ref tok, digits, ref lastEnd, sink);
        }

        return Math.Max(pos, to);
    }

    private const byte Digit = 1;
    private const byte Word = 2;
    private const byte Trigger = 4;
    private const byte Separator = 8;
    private const byte PassportLetter = 16;
    private const byte Plus = 32;

    /// <summary>Byte classes for the scalar fast paths (one table lookup per byte).</summary>
    private static ReadOnlySpan<byte> ByteClasses => Classes;

    private static readonly byte[] Classes = BuildClasses();

    private static byte[] BuildClasses()
    {
        var t = new byte[256];
        for (var b = 0; b < 256; b++)
        {
            var c = (byte)b;
            t[b] = (byte)((IsDigit(c) ? Digit | Trigger : 0) | (IsWord(c) ? Word : 0) | (c == '@' ? Trigger : 0)
                | (c is (byte)'-' or (byte)'.' or (byte)' ' ? Separator : 0) | (IsPassportLetter(c) ? PassportLetter : 0)
                | (c == '+' ? Plus : 0));
        }

        return t;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int DigitToken(ReadOnlySpan<byte> text, int i, bool final, ref Token tok, Span<byte> digits, ref int lastEnd, IMatchSink sink)
    {
        var prev = i > 0 ? text[i - 1] : (byte)' ';
        if (IsPassportLetter(prev) && (i < 2 || !IsWord(text[i - 2])) && Enabled(PiiType.KrPassport))
        {
            var end = Passport(text, i, final, ref lastEnd, sink);
            if (end > 0)
            {
                return end;
            }
        }

        // Glued to a word ("ID960101…", "req=4c2a9f", "ORD-960101…") or inside a longer number ("3.1415…"): not
        // a candidate start. Skip the whole run of word characters in one vectorised step (hex ids in logs).
        if (IsWord(prev) || (prev == (byte)'-' && i >= 2 && IsWord(text[i - 2])) || (prev == (byte)'.' && i >= 2 && IsDigit(text[i - 2])))
        {
            var w = i + 1;
            while (w < text.Length && IsWord(text[w]))
            {
                w++; // word runs are short (ids, hex): a scalar loop beats a vectorised call's setup
            }

            return w;
        }

        tok.Parse(text, i);
        if (tok.Count == 1 && tok.Lens[0] < MinCandidateDigits && !tok.Truncated && prev != (byte)'+')
        {
            return tok.End; // "200", "1079ms", "2026": too short for any shape
        }

        // A truncated token (a long chain of groups) is evaluated up to `limit`, then re-parsed from there.
        var limit = tok.Truncated ? tok.Count - 5 : tok.Count;
        var s = 0;
        while (s < limit)
        {
            if (s > 0 && tok.Seps[s - 1] != (byte)' ')
            {
                s++;
                continue;
            }

            var e = DigitsFrom(ref tok, s) >= MinCandidateDigits || (s == 0 && prev == (byte)'+')
                ? MatchAt(text, ref tok, s, final, prev, digits, ref lastEnd, sink)
                : -1;
            s = e >= 0 ? e + 1 : s + 1;
        }

        return tok.Truncated && s < tok.Count ? tok.Starts[s] : tok.End;
    }

    /// <summary>Digits in the (at most five) groups from s: the most any shape can use.</summary>
    private static int DigitsFrom(ref Token tok, int s)
    {
        var n = 0;
        for (var g = s; g < tok.Count && g < s + 5; g++)
        {
            n += tok.Lens[g];
        }

        return n;
    }

    /// <summary>True when a match may end after group e: the token ends there cleanly or continues after a space.</summary>
    private static bool EndsCleanly(ReadOnlySpan<byte> text, ref Token tok, int e, bool final)
    {
        if (e < tok.Count - 1 || tok.Truncated)
        {
            return tok.Seps[e] == (byte)' ';
        }

        var after = tok.End;
        if (after >= text.Length)
        {
            return final;
        }

        var c = text[after];
        return !IsWord(c) && c != (byte)'@';
    }

    private bool Enabled(PiiType t) => _enabled[(int)t];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Emit(PiiType type, Confidence? c, int start, int end, ReadOnlySpan<byte> text, ref int lastEnd, IMatchSink sink)
    {
        if (c is not { } conf || !Enabled(type))
        {
            return false;
        }

        if (conf >= _min && start >= lastEnd)
        {
            var m = new PiiMatch(type, conf, start, end - start);
            sink.OnMatch(in m, text[start..end]);
            lastEnd = end;
        }

        return true;
    }

    internal static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    /// <summary>" - " at <paramref name="at"/> followed by a digit: a hyphen written with spaces around it (123 - 45 - 67890).</summary>
    private static bool SpacedHyphen(ReadOnlySpan<byte> text, int at) =>
        at + 3 < text.Length && text[at] == (byte)' ' && text[at + 1] == (byte)'-' && text[at + 2] == (byte)' ' && IsDigit(text[at + 3]);

    /// <summary>The type letters of Korean passports (M, S, R, O, D), in either case: printed in capitals, often typed in lower case.</summary>
    private static bool IsPassportLetter(byte b) => (b | 0x20) is (byte)'m' or (byte)'s' or (byte)'r' or (byte)'o' or (byte)'d';

    internal static bool IsWord(byte b) => IsDigit(b) || (uint)((b | 0x20) - 'a') <= 'z' - 'a' || b == (byte)'_';

    private static Confidence Up(Confidence c, bool context) => context && c < Confidence.High ? c + 1 : c;

    /// <summary>Digit groups of one token, in stack memory.</summary>
    private ref struct Token(Span<int> starts, Span<int> lens, Span<byte> seps)
    {
        public readonly Span<int> Starts = starts;
        public readonly Span<int> Lens = lens;

        /// <summary>The separator after each group ('-', '.', ' '), 0 after the last one.</summary>
        public readonly Span<byte> Seps = seps;

        public int Count;
        public bool Truncated;

        public readonly int End => Starts[Count - 1] + Lens[Count - 1];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Parse(ReadOnlySpan<byte> text, int i)
        {
            Count = 0;
            Truncated = false;
            var p = i;
            while (true)
            {
                var runEnd = p + 1;
                while (runEnd < text.Length && IsDigit(text[runEnd]))
                {
                    runEnd++;
                }

                Starts[Count] = p;
                Lens[Count] = runEnd - p;
                Seps[Count] = 0;
                Count++;
                if (runEnd + 1 >= text.Length)
                {
                    return;
                }

                var c = text[runEnd];
                var next = runEnd + 1;
                if (c == (byte)' ' && SpacedHyphen(text, runEnd))
                {
                    c = (byte)'-'; // people write "123 - 45 - 67890": the same hyphen
                    next = runEnd + 3;
                }
                else if (c is not ((byte)'-' or (byte)'.' or (byte)' ') || !IsDigit(text[runEnd + 1]))
                {
                    return;
                }

                Seps[Count - 1] = c;
                if (Count == MaxGroups)
                {
                    Truncated = true;
                    return;
                }

                p = next;
            }
        }

        /// <summary>k groups from s, with these lengths (0 = any), joined by one separator from the allowed set.</summary>
        public readonly bool Shape(int s, ReadOnlySpan<int> lens, ReadOnlySpan<byte> allowedSeps)
        {
            var k = lens.Length;
            if (s + k > Count)
            {
                return false;
            }

            for (var g = 0; g < k; g++)
            {
                if (lens[g] != 0 && Lens[s + g] != lens[g])
                {
                    return false;
                }
            }

            if (k == 1)
            {
                return true;
            }

            var sep = Seps[s];
            if (allowedSeps.IndexOf(sep) < 0)
            {
                return false;
            }

            for (var g = s + 1; g < s + k - 1; g++)
            {
                if (Seps[g] != sep)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Copies the digits of groups s..e into dst; returns how many (0 when they do not fit).</summary>
        public readonly int Digits(ReadOnlySpan<byte> text, int s, int e, Span<byte> dst)
        {
            var n = 0;
            for (var g = s; g <= e; g++)
            {
                if (n + Lens[g] > dst.Length)
                {
                    return 0;
                }

                text.Slice(Starts[g], Lens[g]).CopyTo(dst[n..]);
                n += Lens[g];
            }

            return n;
        }
    }
}
