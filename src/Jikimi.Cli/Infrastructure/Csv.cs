namespace Jikimi.Cli.Infrastructure;

/// <summary>RFC 4180 CSV lines; cells that a spreadsheet would run as formulas are neutralised.</summary>
public static class Csv
{
    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));

    private static string Cell(string? value)
    {
        var v = value ?? string.Empty;
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            v = "'" + v;
        }

        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }
}
