namespace Jikimi.Privacy.AccessRecords;

/// <summary>
/// The fast path of <see cref="AccessRecord.ParseTime"/> for the shape most logs write —
/// <c>yyyy-MM-dd[T ]HH:mm:ss[.f…][Z|±hh:mm|±hhmm]</c> — read digit by digit without culture lookups. Anything else
/// returns false and goes the general way.
/// </summary>
internal static class IsoTime
{
    public static bool TryParse(ReadOnlySpan<char> s, TimeSpan local, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || s[10] is not ('T' or ' ') || s[13] != ':' || s[16] != ':'
            || !Digits(s, 0, 4, out var y) || !Digits(s, 5, 2, out var mo) || !Digits(s, 8, 2, out var d)
            || !Digits(s, 11, 2, out var h) || !Digits(s, 14, 2, out var mi) || !Digits(s, 17, 2, out var sec))
        {
            return false;
        }

        var i = 19;
        long ticks = 0;
        if (i < s.Length && s[i] == '.')
        {
            var scale = TimeSpan.TicksPerSecond;
            for (i++; i < s.Length && char.IsAsciiDigit(s[i]); i++)
            {
                scale /= 10;
                ticks += (s[i] - '0') * scale;
            }
        }

        if (!Zone(s[i..], local, out var offset) || y < 1 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59)
        {
            return false;
        }

        value = new DateTimeOffset(y, mo, d, h, mi, sec, offset).AddTicks(ticks);
        return true;
    }

    private static bool Zone(ReadOnlySpan<char> z, TimeSpan local, out TimeSpan offset)
    {
        offset = local;
        if (z.Length == 0)
        {
            return true;
        }

        if (z is "Z" or "z")
        {
            offset = TimeSpan.Zero;
            return true;
        }

        var colon = z.Length == 6 && z[3] == ':';
        if ((z.Length == 5 || colon) && z[0] is '+' or '-' && Digits(z, 1, 2, out var h) && Digits(z, colon ? 4 : 3, 2, out var m) && h <= 14 && m < 60)
        {
            offset = new TimeSpan(h, m, 0) * (z[0] == '-' ? -1 : 1);
            return true;
        }

        return false;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }
}
