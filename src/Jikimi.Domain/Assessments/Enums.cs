namespace Jikimi.Domain.Assessments;

/// <summary>Where the work on a control stands. Separate from its result.</summary>
public enum WorkflowStatus
{
    ToDo = 0,
    InProgress = 1,
    InReview = 2,
    Done = 3,
}

/// <summary>The result of a check item (주요 확인사항).</summary>
public enum CheckResult
{
    Unassessed = 0,
    Fulfilled = 1,
    Partial = 2,
    NotFulfilled = 3,
    NotApplicable = 4,
}

public static class AssessmentWire
{
    public static string ToWire(this WorkflowStatus s) => s switch
    {
        WorkflowStatus.InProgress => "in-progress",
        WorkflowStatus.InReview => "in-review",
        WorkflowStatus.Done => "done",
        _ => "to-do",
    };

    public static string ToWire(this CheckResult r) => r switch
    {
        CheckResult.Fulfilled => "fulfilled",
        CheckResult.Partial => "partial",
        CheckResult.NotFulfilled => "not-fulfilled",
        CheckResult.NotApplicable => "not-applicable",
        _ => "unassessed",
    };

    public static bool TryParseStatus(string? s, out WorkflowStatus status) => TryParse(s, out status, ToWire);

    public static bool TryParseResult(string? s, out CheckResult result) => TryParse(s, out result, ToWire);

    private static bool TryParse<T>(string? s, out T value, Func<T, string> wire)
        where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            if (string.Equals(wire(v), s?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }
}
