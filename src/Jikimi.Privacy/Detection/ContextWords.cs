using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace Jikimi.Privacy.Detection;

/// <summary>
/// Words that, near a candidate, make it more likely to be what its shape says (Korean and English). Checked in
/// a small window before and after the match only, as UTF-8 byte patterns (English ones case-insensitively).
/// </summary>
public static class ContextWords
{
    /// <summary>Bytes before a match that are searched (about 20 Hangul syllables).</summary>
    public const int Before = 64;

    /// <summary>Bytes after a match that are searched.</summary>
    public const int After = 32;

    private static readonly byte[][][] ByType = Build();

    // Lower-case of each byte (ASCII letters only), and per type the distinct first two (lower-cased) bytes of its
    // words: windows are searched 32 positions at a time for those pairs, and words compared only where one is.
    private static readonly byte[] LowerByte = [.. Enumerable.Range(0, 256).Select(b => b is >= 'A' and <= 'Z' ? (byte)(b | 0x20) : (byte)b)];
    private static readonly NibbleTables?[] Tables = [.. ByType.Select(words => words is null ? null : new NibbleTables(words))];

    // The first two bytes of each word, in the order of the words.
    private static readonly ushort[][] WordPairs = [.. ByType.Select(words => (words ?? []).Select(w => (ushort)(w[0] | (w[1] << 8))).ToArray())];

    /// <summary>
    /// Teddy-style nibble tables over the first two bytes of a type's words, each pair in one of 8 buckets: a
    /// position is a candidate when the buckets of its byte's low and high nibbles and the next byte's agree.
    /// Four byte shuffles per 32 positions, however many words.
    /// </summary>
    private sealed class NibbleTables
    {
        public NibbleTables(byte[][] words)
        {
            var pairs = words.Select(w => (w[0], w[1])).Distinct().ToArray();
            Span<byte> lo0 = stackalloc byte[32], hi0 = stackalloc byte[32], lo1 = stackalloc byte[32], hi1 = stackalloc byte[32];
            for (var k = 0; k < pairs.Length; k++)
            {
                var bucket = (byte)(1 << (k % 8));
                var (a, b) = pairs[k];
                foreach (var lane in new[] { 0, 16 })
                {
                    lo0[lane + (a & 15)] |= bucket;
                    hi0[lane + (a >> 4)] |= bucket;
                    lo1[lane + (b & 15)] |= bucket;
                    hi1[lane + (b >> 4)] |= bucket;
                }
            }

            (Lo0, Hi0, Lo1, Hi1) = (Vector256.Create(lo0), Vector256.Create(hi0), Vector256.Create(lo1), Vector256.Create(hi1));
        }

        public Vector256<byte> Lo0 { get; }

        public Vector256<byte> Hi0 { get; }

        public Vector256<byte> Lo1 { get; }

        public Vector256<byte> Hi1 { get; }

        /// <summary>Positions in v (with next = the bytes one further) where a word's first two bytes may be.</summary>
        public uint Candidates(Vector256<byte> v, Vector256<byte> next)
        {
            var nibble = Vector256.Create((byte)15);
            var hit = Avx2.Shuffle(Lo0, v & nibble) & Avx2.Shuffle(Hi0, Vector256.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & nibble)
                & Avx2.Shuffle(Lo1, next & nibble) & Avx2.Shuffle(Hi1, Vector256.ShiftRightLogical(next.AsUInt16(), 4).AsByte() & nibble);
            return ~Vector256.Equals(hit, Vector256<byte>.Zero).ExtractMostSignificantBits();
        }
    }

    /// <summary>The words of a type, as documented in docs/pii.md.</summary>
    public static IReadOnlyList<string> Words(PiiType type) => ByType[(int)type].Select(w => Encoding.UTF8.GetString(w)).ToArray();

    private static byte[][][] Build()
    {
        var map = new Dictionary<PiiType, string[]>
        {
            [PiiType.KrRrn] = ["주민", "실명번호", "생년월일", "resident", "rrn", "ssn", "jumin", "registration no"],
            [PiiType.KrFrn] = ["외국인", "등록번호", "foreign", "alien", "frn", "registration no"],
            [PiiType.KrPassport] = ["여권", "passport"],
            [PiiType.KrDriverLicense] = ["면허", "운전", "driver", "licen"],
            [PiiType.KrBrn] = ["사업자", "법인", "business", "brn", "tax id", "company reg"],
            [PiiType.Card] = ["카드", "신용", "체크", "결제", "card", "credit", "visa", "master", "amex"],
            [PiiType.BankAccount] =
            [
                "계좌", "은행", "예금", "입금", "송금", "통장", "예금주", "국민", "신한", "우리", "하나", "농협", "기업", "카카오",
                "토스", "케이뱅크", "새마을", "우체국", "수협", "신협", "씨티", "제일", "산업", "부산", "대구", "경남", "광주",
                "전북", "제주", "account", "acct", "bank", "iban", "deposit",
            ],
            [PiiType.Phone] =
            [
                "전화", "휴대폰", "핸드폰", "휴대전화", "연락처", "연락", "팩스", "모바일", "phone", "tel", "mobile", "cell",
                "contact", "fax",
            ],
            [PiiType.Email] = ["이메일", "메일", "mail", "e-mail", "contact"],
            [PiiType.KrCrn] = ["법인등록", "법인번호", "법인 등록", "corporate reg", "corporation reg", "crn"],
        };
        var result = new byte[PiiTypeNames.All.Count][][];
        foreach (var (type, words) in map)
        {
            result[(int)type] = words.Select(w => Encoding.UTF8.GetBytes(w.ToLowerInvariant())).ToArray();
        }

        return result;
    }

    /// <summary>True when a context word of the type is within the window around text[start..end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Near(ReadOnlySpan<byte> text, int start, int end, PiiType type)
    {
        var words = ByType[(int)type];
        if (words is null)
        {
            return false;
        }

        var tables = Tables[(int)type]!;
        var pairs = WordPairs[(int)type];
        return Contains(text, Math.Max(0, start - Before), start, words, pairs, tables) || Contains(text, end, Math.Min(text.Length, end + After), words, pairs, tables);
    }

    /// <summary>A word wholly inside text[from..to).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Contains(ReadOnlySpan<byte> text, int from, int to, byte[][] words, ushort[] pairs, NibbleTables tables)
    {
        var i = from;
        if (Avx2.IsSupported)
        {
            for (; i + 2 < to && i + 33 <= text.Length; i += 32)
            {
                var v = Fold(Vector256.Create(text.Slice(i, 32)));
                var next = Fold(Vector256.Create(text.Slice(i + 1, 32)));
                var bits = tables.Candidates(v, next);
                if (to - i < 32)
                {
                    bits &= (1u << (to - i)) - 1;
                }

                while (bits != 0)
                {
                    var j = i + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    if (StartsWithAny(text[j..to], words, pairs))
                    {
                        return true;
                    }
                }
            }
        }

        for (; i + 2 < to; i++)
        {
            if (StartsWithAny(text[i..to], words, pairs))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>ASCII capitals to lower case, other bytes unchanged.</summary>
    private static Vector256<byte> Fold(Vector256<byte> v) =>
        v | (Vector256.LessThan(v - Vector256.Create((byte)'A'), Vector256.Create((byte)26)) & Vector256.Create((byte)0x20));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool StartsWithAny(ReadOnlySpan<byte> at, byte[][] words, ReadOnlySpan<ushort> pairs)
    {
        if (at.Length < 3)
        {
            return false;
        }

        // Only the words with these first two bytes (a vectorised search of the type's pair list).
        var lower = LowerByte;
        var pair = (ushort)(lower[at[0]] | (lower[at[1]] << 8));
        for (var k = pairs.IndexOf(pair); k >= 0; k = Next(pairs, k, pair))
        {
            var w = words[k];
            if (w.Length > at.Length)
            {
                continue;
            }

            var j = 2;
            while (j < w.Length && lower[at[j]] == w[j])
            {
                j++;
            }

            if (j == w.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static int Next(ReadOnlySpan<ushort> pairs, int k, ushort pair)
    {
        var rel = pairs[(k + 1)..].IndexOf(pair);
        return rel < 0 ? -1 : k + 1 + rel;
    }

    private static ReadOnlySpan<byte> Lower(ReadOnlySpan<byte> src, Span<byte> buffer)
    {
        var dst = buffer[..src.Length];
        var lower = LowerByte;
        for (var i = 0; i < src.Length; i++)
        {
            dst[i] = lower[src[i]];
        }

        return dst;
    }

    private static bool ContainsAny(ReadOnlySpan<byte> window, byte[][] words)
    {
        foreach (var w in words)
        {
            if (window.IndexOf(w) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly byte[][] TimeWords = [.. new[] { "time", "epoch", "millis", "ts=", "ts\":", "_at", "date", "시각", "시간", "일시" }.Select(Encoding.UTF8.GetBytes)];

    /// <summary>
    /// A timestamp label right before a bare 13-digit number ("ts=", "timestamp":, created_at): epoch
    /// milliseconds read as a birth date surprisingly often, so such a number is lowered one level.
    /// </summary>
    public static bool TimestampBefore(ReadOnlySpan<byte> text, int start)
    {
        const int window = 24;
        var from = Math.Max(0, start - window);
        Span<byte> lower = stackalloc byte[window];
        return ContainsAny(Lower(text[from..start], lower), TimeWords);
    }

    private static readonly byte[][] Regions =
    [
        .. new[] { "서울", "부산", "경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주", "대구", "인천", "광주", "대전", "울산" }
            .Select(Encoding.UTF8.GetBytes),
    ];

    /// <summary>Old driver's licence form: a region name in Hangul right before the number ("서울 12-345678-90").</summary>
    public static bool DriverRegionNameBefore(ReadOnlySpan<byte> text, int start)
    {
        var p = start;
        if (p > 0 && text[p - 1] == (byte)' ')
        {
            p--;
        }

        if (p < 6)
        {
            return false;
        }

        var name = text[(p - 6)..p];
        foreach (var r in Regions)
        {
            if (name.SequenceEqual(r))
            {
                return true;
            }
        }

        return false;
    }
}
