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

    // Lower-case of each byte (ASCII letters only), and for each pair of lower-cased bytes the types that have a
    // word starting with it: the window is read once, and words are compared only where their first two bytes are.
    private static readonly byte[] LowerByte = [.. Enumerable.Range(0, 256).Select(b => b is >= 'A' and <= 'Z' ? (byte)(b | 0x20) : (byte)b)];
    private static readonly ushort[] PairTypes = BuildPairs();

    private static ushort[] BuildPairs()
    {
        var t = new ushort[1 << 16];
        for (var type = 0; type < ByType.Length; type++)
        {
            foreach (var w in ByType[type] ?? [])
            {
                t[w[0] | (w[1] << 8)] |= (ushort)(1 << type);
            }
        }

        return t;
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
        };
        var result = new byte[PiiTypeNames.All.Count][][];
        foreach (var (type, words) in map)
        {
            result[(int)type] = words.Select(w => Encoding.UTF8.GetBytes(w.ToLowerInvariant())).ToArray();
        }

        return result;
    }

    /// <summary>True when a context word of the type is within the window around text[start..end).</summary>
    public static bool Near(ReadOnlySpan<byte> text, int start, int end, PiiType type)
    {
        var words = ByType[(int)type];
        if (words is null)
        {
            return false;
        }

        var bit = 1 << (int)type;
        return Contains(text[Math.Max(0, start - Before)..start], words, bit) || Contains(text[end..Math.Min(text.Length, end + After)], words, bit);
    }

    private static bool Contains(ReadOnlySpan<byte> window, byte[][] words, int bit)
    {
        var lower = LowerByte;
        var pairs = PairTypes;
        for (var i = 0; i + 1 < window.Length; i++)
        {
            if ((pairs[lower[window[i]] | (lower[window[i + 1]] << 8)] & bit) != 0 && StartsWithAny(window[i..], words))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithAny(ReadOnlySpan<byte> at, byte[][] words)
    {
        var lower = LowerByte;
        foreach (var w in words)
        {
            if (w.Length > at.Length)
            {
                continue;
            }

            var j = 0;
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

    private static ReadOnlySpan<byte> Lower(ReadOnlySpan<byte> src, Span<byte> buffer)
    {
        var dst = buffer[..src.Length];
        for (var i = 0; i < src.Length; i++)
        {
            var b = src[i];
            dst[i] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
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
