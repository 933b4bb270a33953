using System.Net;

namespace Jikimi.Privacy.AccessRecords.Inspection;

/// <summary>
/// What one monthly inspection of one system needs besides the rules. Records from <see cref="HistoryFrom"/> up to the
/// month's start build the accounts' history (sources, activity, baseline) and are not judged themselves; the
/// caller says how far back the records it passes go, so a rule that needs more history says so instead of guessing.
/// </summary>
public sealed record InspectionOptions(DateOnly Month)
{
    /// <summary>At most this many days of history are kept per account (bounded memory).</summary>
    public const int MaxHistoryDays = 400;

    /// <summary>The first day the records passed cover; the month's first day (no history) when null.</summary>
    public DateOnly? HistoryFrom { get; init; }

    /// <summary>The organization's zone for days and working hours (KST unless set).</summary>
    public TimeSpan Offset { get; init; } = AccessLogMapping.Kst;

    /// <summary>The organization's working hours; the off-hours rule's parameters when null.</summary>
    public TimeOnly? WorkStart { get; init; }

    public TimeOnly? WorkEnd { get; init; }

    public IReadOnlySet<DayOfWeek> WorkDays { get; init; } =
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };

    /// <summary>The organization's own days off (founding day, 근로자의 날) besides the public holidays.</summary>
    public IReadOnlyCollection<DateOnly> ExtraHolidays { get; init; } = [];

    /// <summary>The public holidays; Korea's shipped calendar for the month's year when null.</summary>
    public IReadOnlyCollection<DateOnly>? Holidays { get; init; }

    /// <summary>The system's allowed source ranges; the rule is not judged without them.</summary>
    public IReadOnlyList<IPNetwork> AllowedSources { get; init; } = [];

    /// <summary>The HR leavers list; the rule is not judged without one.</summary>
    public LeaversList? Leavers { get; init; }

    /// <summary>Sample keys kept per hit.</summary>
    public int SampleSize { get; init; } = 5;

    public DateOnly MonthStart => new(Month.Year, Month.Month, 1);

    public DateOnly MonthEnd => MonthStart.AddMonths(1);
}

/// <summary>
/// A group of records one rule flags: one account on one day, how many records (or, for bulk viewing, processed
/// rows), and the keys of a few of them (the record's line unless the caller passes its own key, e.g. a stored row).
/// A person looks at it; later it becomes an explanation case (소명).
/// </summary>
public sealed record InspectionHit(string RuleId, string Account, DateOnly Day, long Records, IReadOnlyList<long> SampleKeys);

/// <summary>Why a rule was not judged, or judged only in part (e.g. <c>history_short</c>, <c>capped</c>).</summary>
public sealed record InspectionNote(string RuleId, string Code, string Message);

public sealed record InspectionResult(
    DateOnly Month, string RulesVersion, long RecordsInMonth, long Unjudged, IReadOnlyList<InspectionHit> Hits, IReadOnlyList<InspectionNote> Notes);
