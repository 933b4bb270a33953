using System.Globalization;
using Jikimi.Input;

namespace Jikimi.Privacy.AccessRecords.Inspection;

/// <summary>
/// The accounts of people who have left, from an HR list uploaded as CSV (UTF-8, header row) and read through
/// <c>Jikimi.Input</c>: a column <c>account</c> (or <c>계정</c>) and a column <c>left_on</c> (or <c>퇴직일</c>) with
/// a date (<c>2026-11-02</c>, <c>2026.11.02</c>, <c>20261102</c>). Other columns (name, department) are ignored and
/// not kept. An account listed twice keeps its earliest date.
/// </summary>
public sealed class LeaversList
{
    private static readonly string[] AccountColumns = ["account", "계정"];
    private static readonly string[] DateColumns = ["left_on", "퇴직일"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy.MM.dd", "yyyyMMdd", "yyyy/MM/dd"];

    private readonly Dictionary<string, DateOnly> _left;

    private LeaversList(Dictionary<string, DateOnly> left) => _left = left;

    public static LeaversList Empty { get; } = new(new Dictionary<string, DateOnly>(StringComparer.OrdinalIgnoreCase));

    public int Count => _left.Count;

    /// <summary>The day the account's holder left, if listed.</summary>
    public DateOnly? LeftOn(string account) => _left.TryGetValue(account, out var d) ? d : null;

    public static InputResult<LeaversList> Read(Stream stream, string? name, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        using var csv = CsvReader.Open(stream, limits.Csv(name) with { HeaderComparer = StringComparer.OrdinalIgnoreCase });
        var header = csv.ReadHeader();
        if (header.Error is { } e)
        {
            return e;
        }

        if (header.Value is not { } h)
        {
            return InputError.Empty(name);
        }

        var account = AccountColumns.Select(h.IndexOf).FirstOrDefault(i => i is not null);
        var date = DateColumns.Select(h.IndexOf).FirstOrDefault(i => i is not null);
        if (account is null || date is null)
        {
            return InputError.Malformed(new InputPlace(name, 1), "the leavers list needs the columns account (계정) and left_on (퇴직일).");
        }

        var left = new Dictionary<string, DateOnly>(StringComparer.OrdinalIgnoreCase);
        while (csv.TryRead(out var row))
        {
            var a = row[account.Value].Trim();
            if (a.Length == 0)
            {
                return InputError.Malformed(row.Place(account.Value), "the account is empty.");
            }

            if (!DateOnly.TryParseExact(row[date.Value].Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return InputError.Malformed(row.Place(date.Value), "left_on must be a date such as 2026-11-02.");
            }

            left[a] = left.TryGetValue(a, out var earlier) && earlier < d ? earlier : d;
        }

        return csv.Error is { } error ? error : new LeaversList(left);
    }
}
