using System.Runtime.CompilerServices;

namespace Jikimi.Privacy.Detection;

/// <summary>
/// Checksums and structural checks of Korean identifiers and payment cards, over ASCII digits
/// (formats: the team reference korean_pii_identifier_specs.json and ISMS-P facts §5.2, outside this repository).
/// All take the digits only (separators removed).
/// </summary>
public static class Validators
{
    private static ReadOnlySpan<byte> RegistrationWeights => [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

    private static ReadOnlySpan<byte> BrnKeys => [1, 3, 7, 1, 3, 7, 1, 3, 5];

    /// <summary>
    /// Birth date and gender/century digit of a 13-digit RRN/FRN; <paramref name="foreigner"/> is set from G.
    /// G 9/0 (born in the 1800s) is refused: nobody alive has one, and personal information is about the living;
    /// refusing it keeps epoch-millisecond timestamps ("1712150000000") out.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryRegistrationShape(ReadOnlySpan<byte> d, DateOnly latestBirth, out bool foreigner)
    {
        foreigner = false;
        if (d.Length != 13)
        {
            return false;
        }

        int century;
        switch (d[6] - '0')
        {
            case 1 or 2: century = 1900; break;
            case 3 or 4: century = 2000; break;
            case 5 or 6: century = 1900; foreigner = true; break;
            case 7 or 8: century = 2000; foreigner = true; break;
            default: return false;
        }

        var year = century + Two(d, 0);
        var month = Two(d, 2);
        var day = Two(d, 4);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        return new DateOnly(year, month, day) <= latestBirth;
    }

    /// <summary>Check digit of a resident (pre-October-2020) registration number.</summary>
    public static bool RrnChecksum(ReadOnlySpan<byte> d) => d.Length == 13 && (11 - (RegistrationSum(d) % 11)) % 10 == d[12] - '0';

    /// <summary>
    /// Resident numbers issued since October 2020 carry random digits after G, so the old check digit says nothing
    /// about them. A birth date on or after 2020-10-01 can only have been issued then; older births may have been
    /// re-issued too, which is why a failed checksum lowers confidence elsewhere but never rejects.
    /// </summary>
    public static bool IssuedWithRandomDigits(ReadOnlySpan<byte> d)
    {
        if (d.Length != 13 || d[6] - '0' is not (3 or 4 or 7 or 8))
        {
            return false; // G 1/2/5/6: born in the 1900s
        }

        var yymm = (Two(d, 0) * 100) + Two(d, 2);
        return yymm >= 2010;
    }

    /// <summary>
    /// 법인등록번호 check digit: the first 12 digits weighted 1, 2, 1, 2, …, the products summed as they are (no
    /// digit sums), check = (10 − sum mod 10) mod 10.
    /// </summary>
    public static bool CrnChecksum(ReadOnlySpan<byte> d)
    {
        if (d.Length != 13)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (d[i] - '0') * ((i & 1) + 1);
        }

        return (10 - (sum % 10)) % 10 == d[12] - '0';
    }

    /// <summary>Check digit of a foreign (pre-October-2020) registration number.</summary>
    public static bool FrnChecksum(ReadOnlySpan<byte> d) => d.Length == 13 && (13 - (RegistrationSum(d) % 11)) % 10 == d[12] - '0';

    private static int RegistrationSum(ReadOnlySpan<byte> d)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (d[i] - '0') * RegistrationWeights[i];
        }

        return sum;
    }

    /// <summary>사업자등록번호: tax-office code 101–999, a non-zero middle, and the check digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Brn(ReadOnlySpan<byte> d)
    {
        if (d.Length != 10 || Three(d, 0) < 101 || Two(d, 3) == 0)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (d[i] - '0') * BrnKeys[i];
        }

        var p = (d[8] - '0') * 5;
        sum += p + (p / 10);
        return (10 - (sum % 10)) % 10 == d[9] - '0';
    }

    /// <summary>Luhn (mod 10) over the whole number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Luhn(ReadOnlySpan<byte> d)
    {
        var sum = 0;
        var dbl = false;
        for (var i = d.Length - 1; i >= 0; i--)
        {
            var v = d[i] - '0';
            if (dbl)
            {
                v *= 2;
                if (v > 9)
                {
                    v -= 9;
                }
            }

            sum += v;
            dbl = !dbl;
        }

        return sum % 10 == 0;
    }

    /// <summary>The issuer of a card number when its prefix and length belong to a known scheme.</summary>
    public static CardIssuer CardIssuerOf(ReadOnlySpan<byte> d)
    {
        var n = d.Length;
        if (n < 13 || n > 19)
        {
            return CardIssuer.None;
        }

        var p1 = d[0] - '0';
        var p2 = Two(d, 0);
        var p3 = Three(d, 0);
        var p4 = (p3 * 10) + (d[3] - '0');
        return p1 switch
        {
            4 when n is 13 or 16 or 19 => CardIssuer.Visa,
            5 when p2 is >= 51 and <= 55 && n == 16 => CardIssuer.Mastercard,
            2 when p4 is >= 2221 and <= 2720 && n == 16 => CardIssuer.Mastercard,
            3 when p2 is 34 or 37 && n == 15 => CardIssuer.Amex,
            3 when p4 is >= 3528 and <= 3589 && n >= 16 => CardIssuer.Jcb,
            3 when (p3 is >= 300 and <= 305 || p2 is 36 or 38 or 39) && n >= 14 => CardIssuer.Diners,
            6 when (p4 == 6011 || p2 == 65 || p3 is >= 644 and <= 649) && n >= 16 => CardIssuer.Discover,
            6 when p2 == 62 && n >= 16 => CardIssuer.UnionPay,
            9 when n == 16 => CardIssuer.KoreanDomestic,
            _ => CardIssuer.None,
        };
    }

    /// <summary>운전면허 region codes 11–26 and 28 (the two digits before the issue year).</summary>
    public static bool DriverRegion(ReadOnlySpan<byte> d) => d.Length >= 2 && Two(d, 0) is (>= 11 and <= 26) or 28;

    private static int Two(ReadOnlySpan<byte> d, int i) => ((d[i] - '0') * 10) + (d[i + 1] - '0');

    private static int Three(ReadOnlySpan<byte> d, int i) => ((d[i] - '0') * 100) + Two(d, i + 1);
}

/// <summary>Card schemes recognised by prefix and length.</summary>
public enum CardIssuer
{
    None,
    Visa,
    Mastercard,
    Amex,
    Jcb,
    Diners,
    Discover,
    UnionPay,

    /// <summary>국내전용 cards (BIN starting with 9); weaker, so reported one level lower.</summary>
    KoreanDomestic,
}
