namespace Jikimi.Input;

/// <summary>
/// Spreadsheet formula injection ("CSV injection"): a cell whose text starts with = + - @ (or a tab or carriage
/// return), after any apostrophes, is written with one more leading apostrophe, so no spreadsheet or later CSV
/// conversion evaluates it. <see cref="Restore"/> removes exactly that apostrophe again, so export → import →
/// export is stable and a value that really starts with an apostrophe survives. The one guard of the house (CSV
/// and XLSX alike).
/// </summary>
public static class FormulaGuard
{
    public static string Neutralize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Risky(value, Apostrophes(value)) ? "'" + value : value;
    }

    public static string Restore(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var n = Apostrophes(value);
        return n > 0 && Risky(value, n) ? value[1..] : value;
    }

    private static bool Risky(string s, int from) => from < s.Length && s[from] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static int Apostrophes(string s)
    {
        var i = 0;
        while (i < s.Length && s[i] == '\'')
        {
            i++;
        }

        return i;
    }
}
