using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Jikimi.Privacy.Detection;

/// <summary>The vectorised main loop of the detector.</summary>
public sealed partial class PiiDetector
{
    /// <summary>
    /// The vectorised main loop over 32-byte chunks: a digit and '@' mask per chunk, and only for a chunk with
    /// either the separator and capital-letter masks of it and the next chunk (<see cref="Chunk"/>). The loop
    /// itself keeps almost no state, so prose runs at memory speed. Returns where the scalar loop takes over (the
    /// last 64 bytes).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ScanBlocks(ReadOnlySpan<byte> text, int from, int to, bool final, ref Token tok, Span<byte> digits, ref int lastEnd, IMatchSink sink)
    {
        var pos = from;
        var p = from;
        var carry = p > 0 && IsDigit(text[p - 1]) ? 1u : 0u;
        while (p + 64 <= text.Length && p < to)
        {
            var v0 = Load(text, p);
            var d0 = DigitMask(v0);
            var a0 = EqualMask(v0, (byte)'@');
            if ((d0 | a0) == 0)
            {
                carry = 0;
                p += 32;
                continue;
            }

            pos = Chunk(text, p, v0, d0, a0, carry, pos, to, final, ref tok, digits, ref lastEnd, sink);
            if (pos >= to)
            {
                return pos; // the range is done (a token may have run past its end)
            }

            carry = d0 >> 31;
            p += 32;
            if (pos > p)
            {
                p = pos; // a token or e-mail ran past this chunk: start afresh there
                carry = IsDigit(text[p - 1]) ? 1u : 0u;
            }
        }

        return Math.Max(pos, Math.Min(p, to));
    }

    /// <summary>Handles the digit runs and '@'s of the chunk at p; returns where scanning may resume.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Chunk(ReadOnlySpan<byte> text, int p, Vector256<byte> v0, uint d0, uint a0, uint carry, int pos, int to, bool final, ref Token tok, Span<byte> digits, ref int lastEnd, IMatchSink sink)
    {
        var events = a0;
        if (d0 != 0)
        {
            var v1 = Load(text, p + 32);
            var d = d0 | ((ulong)DigitMask(v1) << 32);
            var sep = SeparatorMask(v0) | ((ulong)SeparatorMask(v1) << 32);
            var dash = EqualMask(v0, (byte)'-') | ((ulong)EqualMask(v1, (byte)'-') << 32);
            events |= Events(text, p, v0, d, sep, dash, carry);
        }

        while (events != 0)
        {
            var i = p + BitOperations.TrailingZeroCount(events);
            events &= events - 1;
            if (i >= to)
            {
                return Math.Max(pos, to);
            }

            if (i >= pos)
            {
                pos = text[i] == (byte)'@' ? Email(text, i, final, ref lastEnd, sink) : DigitToken(text, i, final, ref tok, digits, ref lastEnd, sink);
            }
        }

        return pos;
    }

    /// <summary>
    /// The digit runs starting in the 32 bytes at p that can start a shape. Bit-parallel first: a run qualifies
    /// only when the next 9 bytes are digits or separators with digits on both sides, or a capital letter or '+'
    /// precedes it (M1234…, +82…); most numbers in logs ("took=1079ms", "12:34:56.789") stop here. Then per
    /// survivor: a shape uses one kind of separator throughout, so the digits joined to the run by the separator
    /// that follows its first group must number at least 9 ("2026-03-14 12:34" has 8: no shape is tried).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Events(ReadOnlySpan<byte> text, int p, Vector256<byte> v0, ulong d, ulong sep, ulong dash, uint carry)
    {
        var classes = ByteClasses;
        var d0 = (uint)d;

        // " - " between digits (a hyphen written with spaces around it) joins like a separator. Any separator
        // beside the hyphen passes this pre-filter (no extra compare per chunk); the token parser is exact.
        var bridge = dash & (sep << 1) & (sep >> 1) & (d << 2) & (d >> 2);
        var joined = d | (sep & (d << 1) & (d >> 1)) | bridge | (bridge << 1) | (bridge >> 1);
        var run9 = RunOf9(joined);
        // Letters of either case (passports are typed in lower case too; the table check below keeps M/S/R/O/D).
        var upperOrPlus = (Vector256.LessThan((v0 | Vector256.Create((byte)0x20)) - Vector256.Create((byte)'a'), Vector256.Create((byte)26)) | Vector256.Equals(v0, Vector256.Create((byte)'+'))).ExtractMostSignificantBits();
        var flagged = (upperOrPlus << 1) | (p > 0 && (classes[text[p - 1]] & (PassportLetter | Plus)) != 0 ? 1u : 0u);
        var starts = d0 & ~((d0 << 1) | carry) & ((uint)run9 | flagged);
        var events = 0u;
        while (starts != 0)
        {
            var r = BitOperations.TrailingZeroCount(starts);
            starts &= starts - 1;
            if (((flagged >> r) & 1) != 0 && (classes[text[p + r - 1]] & (PassportLetter | Plus)) != 0)
            {
                events |= 1u << r;
            }
            else if (((run9 >> r) & 1) != 0)
            {
                // (A start flagged only by a letter that is no passport letter has fewer than 9 joined bytes: no event.)
                var first = BitOperations.TrailingZeroCount(~(d >> r));
                if (first < MinCandidateDigits && r + first + 1 < 64 && ((bridge >> (r + first + 1)) & 1) != 0)
                {
                    events |= 1u << r; // rare: the token parser decides
                    continue;
                }

                var len = first >= MinCandidateDigits || r + first >= 63 ? 64
                    : BitOperations.TrailingZeroCount(~((d | (sep & (d << 1) & (d >> 1) & (text[p + r + first] == (byte)'-' ? dash : ~dash))) >> r));
                if (r + len >= 64 || BitOperations.PopCount((d >> r) & ((1UL << len) - 1)) >= MinCandidateDigits)
                {
                    events |= 1u << r;
                }
            }
        }

        return events;
    }

    /// <summary>Positions where 9 set bits in a row begin.</summary>
    private static ulong RunOf9(ulong m)
    {
        var m2 = m & (m >> 1);
        var m4 = m2 & (m2 >> 2);
        return m4 & (m4 >> 4) & (m >> 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Load(ReadOnlySpan<byte> text, int p) => Vector256.Create(text.Slice(p, 32));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint DigitMask(Vector256<byte> v) => Vector256.LessThan(v - Vector256.Create((byte)'0'), Vector256.Create((byte)10)).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint EqualMask(Vector256<byte> v, byte b) => Vector256.Equals(v, Vector256.Create(b)).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint SeparatorMask(Vector256<byte> v) =>
        (Vector256.Equals(v, Vector256.Create((byte)'-')) | Vector256.Equals(v, Vector256.Create((byte)'.')) | Vector256.Equals(v, Vector256.Create((byte)' '))).ExtractMostSignificantBits();
}
