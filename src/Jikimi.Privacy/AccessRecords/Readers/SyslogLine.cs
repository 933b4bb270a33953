namespace Jikimi.Privacy.AccessRecords.Readers;

/// <summary>What the two syslog readers share: an optional <c>&lt;PRI&gt;</c>, and named fields with a fall-back to key=value pairs in the message.</summary>
internal static class SyslogLine
{
    /// <summary>Skips <c>&lt;PRI&gt;</c> (1–3 digits) if present; -1 when it is opened but broken.</summary>
    public static int AfterPri(ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || s[0] != '<')
        {
            return 0;
        }

        var close = s[..Math.Min(s.Length, 5)].IndexOf('>');
        return close is >= 2 and <= 4 && int.TryParse(s[1..close], out var pri) && pri <= 191 ? close + 1 : -1;
    }

    /// <summary>The next space-separated token from <paramref name="i"/>; advances past it and one space.</summary>
    public static ReadOnlySpan<char> Token(ReadOnlySpan<char> s, ref int i)
    {
        var start = i;
        while (i < s.Length && s[i] != ' ')
        {
            i++;
        }

        var token = s[start..i];
        if (i < s.Length)
        {
            i++;
        }

        return token;
    }

    public static string Dash(ReadOnlySpan<char> v) => v is "-" ? string.Empty : v.ToString();
}
