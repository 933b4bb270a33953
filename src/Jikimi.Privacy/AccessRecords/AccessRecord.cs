using System.Globalization;

namespace Jikimi.Privacy.AccessRecords;

/// <summary>One access record normalized to the five required items and the optional ones; empty = missing.</summary>
public sealed record AccessRecord(
    long Line, string Account, DateTimeOffset? Time, string Source, string Subject, AccessAction Action, string ActionWord,
    long? Records, string File, string Reason)
{
    /// <summary>Which required items the record lacks (2.9.4 completeness).</summary>
    public IEnumerable<string> Missing()
    {
        if (Account.Length == 0)
        {
            yield return "account";
        }

        if (Time is null)
        {
            yield return "time";
        }

        if (Source.Length == 0)
        {
            yield return "source";
        }

        if (Subject.Length == 0)
        {
            yield return "subject";
        }

        if (Action == AccessAction.Unknown)
        {
            yield return "action";
        }
    }

    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy/MM/dd HH:mm:ss", "yyyyMMddHHmmss", "yyyy.MM.dd HH:mm:ss",
    ];

    /// <summary>
    /// Reads a time: with an offset (<c>Z</c>, <c>+09:00</c>) as written, without one in the mapping's zone. Anything
    /// else is missing rather than guessed.
    /// </summary>
    public static DateTimeOffset? ParseTime(ReadOnlySpan<char> text, TimeSpan offset)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (IsoTime.TryParse(text, offset, out var fast))
        {
            return fast;
        }

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, offset);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(text) ? withOffset : null;
    }

    private static bool HasOffset(ReadOnlySpan<char> text) =>
        text[^1] is 'Z' or 'z' || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}

/// <summary>Records read and missing items counted per field (the 2.9.4 completeness view of one system).</summary>
public sealed class Completeness
{
    private readonly Dictionary<string, long> _missing = AccessLogMapping.RequiredItems.ToDictionary(i => i, _ => 0L, StringComparer.Ordinal);

    public long Records { get; private set; }

    public long Incomplete { get; private set; }

    public IReadOnlyDictionary<string, long> MissingByField => _missing;

    public void Add(AccessRecord r)
    {
        Records++;
        var any = false;
        foreach (var m in r.Missing())
        {
            _missing[m]++;
            any = true;
        }

        if (any)
        {
            Incomplete++;
        }
    }
}
