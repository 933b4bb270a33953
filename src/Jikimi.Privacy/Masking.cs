using System.Text;

namespace Jikimi.Privacy;

/// <summary>
/// The only text form of a finding that leaves the scanner: a masked value in a canonical layout, e.g.
/// <c>900101-1******</c>. Masks follow the common Korean convention (birth date and G digit of an RRN, the
/// carrier prefix and last four of a phone, first and last four of a card).
/// </summary>
public static class Masking
{
    public static string Mask(PiiType type, ReadOnlySpan<byte> value)
    {
        if (type == PiiType.Email)
        {
            return MaskEmail(value);
        }

        Span<byte> d = stackalloc byte[32];
        var n = 0;
        var letters = 0;
        foreach (var b in value)
        {
            if (n == d.Length)
            {
                break;
            }

            if (b is >= (byte)'0' and <= (byte)'9' || (type == PiiType.KrPassport && (b | 0x20) is >= (byte)'a' and <= (byte)'z'))
            {
                d[n++] = type == PiiType.KrPassport && b >= (byte)'a' ? (byte)(b & ~0x20) : b; // passports are printed in capitals
                letters += b > '9' ? 1 : 0;
            }
        }

        var s = Encoding.ASCII.GetString(d[..n]);
        return type switch
        {
            PiiType.KrRrn or PiiType.KrFrn when n == 13 => $"{s[..6]}-{s[6]}******",
            PiiType.KrCrn when n == 13 => $"{s[..6]}-*******",
            PiiType.KrPassport => s[0] + new string('*', n - 1),
            PiiType.KrDriverLicense when n == 12 => $"{s[..2]}-{s[2..4]}-******-**",
            PiiType.KrDriverLicense when n == 10 => $"{s[..2]}-******-**",
            PiiType.KrBrn when n == 10 => $"{s[..3]}-{s[3..5]}-*****",
            PiiType.Card => $"{s[..4]}-{new string('*', n - 8)}-{s[^4..]}",
            PiiType.Phone => MaskPhone(s),
            PiiType.BankAccount => s[..3] + new string('*', n - 6) + s[^3..],
            _ => new string('*', n),
        };
    }

    private static string MaskPhone(string d)
    {
        if (d.StartsWith("82", StringComparison.Ordinal) && d.Length >= 10)
        {
            return $"+82-{MaskPhone("0" + d[2..])[1..]}";
        }

        var head = d.StartsWith("02", StringComparison.Ordinal) ? 2 : d.StartsWith("050", StringComparison.Ordinal) ? 4 : 3;
        return $"{d[..head]}-{new string('*', d.Length - head - 4)}-{d[^4..]}";
    }

    private static string MaskEmail(ReadOnlySpan<byte> value)
    {
        var at = value.IndexOf((byte)'@');
        var local = value[..at];
        var keep = local.Length > 2 ? 2 : 1;
        return Encoding.ASCII.GetString(local[..keep]) + new string('*', Math.Max(3, local.Length - keep)) + "@" + Encoding.ASCII.GetString(value[(at + 1)..]).ToLowerInvariant();
    }
}
