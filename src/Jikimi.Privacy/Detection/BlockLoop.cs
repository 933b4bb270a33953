using System.Numerics;
using System.Runtime.Intrinsics;

namespace Jikimi.Privacy.Detection;

/// <summary>The vectorised main loop of the detector.</summary>
public sealed partial class PiiDetector
{
    /// <summary>
    /// The vectorised main loop: 32 bytes at a time, digit and '@' masks; a digit run is handed to the token
    /// classifier only when the 24 bytes from its start hold at least 9 digits (no shape has fewer), or when a
    /// '+' or a passport letter precedes it. Dense logs (a digit every few bytes) thus cost a few instructions
    /// per block instead of a call per number. Returns where the scalar loop takes over (the last 64 bytes).
    /// </summary>
    private int ScanBlocks(ReadOnlySpan<byte> text, int from, int to, bool final, ref Token tok, Span<byte> digits, ref int lastEnd, IMatchSink sink)
    {
        var classes = ByteClasses;
        var zero = Vector256.Create((byte)'0');
        var ten = Vector256.Create((byte)10);
        var at = Vector256.Create((byte)'@');
        var pos = from;
        var p = from;
        var carry = p > 0 && IsDigit(text[p - 1]) ? 1u : 0u;
        while (p + 64 <= text.Length && p < to)
        {
            var v0 = Vector256.Create(text.Slice(p, 32));
            var v1 = Vector256.Create(text.Slice(p + 32, 32));
            var d0 = Vector256.LessThan(v0 - zero, ten).ExtractMostSignificantBits();
            var a0 = Vector256.Equals(v0, at).ExtractMostSignificantBits();
            if ((d0 | a0) != 0)
            {
                var d = d0 | ((ulong)Vector256.LessThan(v1 - zero, ten).ExtractMostSignificantBits() << 32);
                var sep = Separators(v0) | ((ulong)Separators(v1) << 32);

                // Token bytes: digits, and single separators between two digits ("960121-1021413", "4111 1111").
                var joined = d | (sep & (d << 1) & (d >> 1));
                var starts = d0 & ~((d0 << 1) | carry);
                var events = a0;
                while (starts != 0)
                {
                    var r = BitOperations.TrailingZeroCount(starts);
                    starts &= starts - 1;
                    var len = BitOperations.TrailingZeroCount(~(joined >> r));
                    if (r + len >= 64 || BitOperations.PopCount((d >> r) & ((1UL << len) - 1)) >= MinCandidateDigits
                        || (p + r > 0 && (classes[text[p + r - 1]] & (PassportLetter | Plus)) != 0))
                    {
                        events |= 1u << r;
                    }
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
            }

            carry = d0 >> 31;
            p += 32;
            if (pos > p)
            {
                p = pos; // a token or e-mail ran past this block
                carry = IsDigit(text[p - 1]) ? 1u : 0u;
            }
        }

        return Math.Max(pos, Math.Min(p, to));
    }

    private static uint Separators(Vector256<byte> v) =>
        (Vector256.Equals(v, Vector256.Create((byte)'-')) | Vector256.Equals(v, Vector256.Create((byte)'.')) | Vector256.Equals(v, Vector256.Create((byte)' '))).ExtractMostSignificantBits();
}
