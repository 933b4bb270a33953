namespace Jikimi.Privacy.AccessRecords.Readers;

/// <summary>
/// Finds <c>key=value</c> pairs in free text: the message of a syslog line, a PostgreSQL log message, a SQL comment
/// in the sqlcommenter style (<c>/*user='kim01',subject='C1'*/</c>). Pairs are separated by spaces or commas; a value
/// may be quoted with <c>"</c> or <c>'</c> (a backslash escapes the next character inside quotes). Keys ignore case.
/// </summary>
public static class KeyValues
{
    public static bool TryFind(ReadOnlySpan<char> text, ReadOnlySpan<char> key, out string value)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && IsSeparator(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && text[i] != '=' && !IsSeparator(text[i]))
            {
                i++;
            }

            if (i >= text.Length || text[i] != '=')
            {
                continue;
            }

            var name = text[start..i];
            i++;
            i = ValueAt(text, i, out var v);
            if (name.Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                value = v.ToString();
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    private static int ValueAt(ReadOnlySpan<char> text, int i, out ReadOnlySpan<char> value)
    {
        if (i < text.Length && text[i] is '"' or '\'')
        {
            var quote = text[i];
            var start = ++i;
            while (i < text.Length && text[i] != quote)
            {
                i += text[i] == '\\' ? 2 : 1;
            }

            var end = Math.Min(i, text.Length);
            value = Unescape(text[start..end]);
            return Math.Min(end + 1, text.Length);
        }

        var s = i;
        while (i < text.Length && text[i] is not (' ' or ',' or '\t' or ';' or '*'))
        {
            i++;
        }

        value = text[s..i];
        return i;
    }

    private static ReadOnlySpan<char> Unescape(ReadOnlySpan<char> quoted)
    {
        if (!quoted.Contains('\\'))
        {
            return quoted;
        }

        var buffer = new char[quoted.Length];
        var n = 0;
        for (var i = 0; i < quoted.Length; i++)
        {
            if (quoted[i] == '\\' && i + 1 < quoted.Length)
            {
                i++;
            }

            buffer[n++] = quoted[i];
        }

        return buffer.AsSpan(0, n);
    }

    private static bool IsSeparator(char c) => c is ' ' or ',' or '\t' or '/' or '*' or ';';
}
