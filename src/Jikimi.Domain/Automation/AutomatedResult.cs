using Jikimi.Domain.Common;

namespace Jikimi.Domain.Automation;

/// <summary>
/// One rule judged on one resource in a run. The detail is cleaned (<see cref="ResultText"/>) before it is stored:
/// outputs of cloud tools can carry keys and personal data, and evidence must not.
/// </summary>
public sealed class AutomatedResult : ITenantOwned
{
    public const int RuleMax = 200;
    public const int TitleMax = 500;
    public const int ResourceTypeMax = 200;
    public const int ResourceMax = 1000;
    public const int DetailMax = 2000;

    private AutomatedResult()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid RunId { get; private set; }
    public string RuleId { get; private set; } = string.Empty;
    public string TitleKo { get; private set; } = string.Empty;
    public string TitleEn { get; private set; } = string.Empty;
    public AutomatedSeverity Severity { get; private set; }
    public string ResourceType { get; private set; } = string.Empty;
    public string ResourceId { get; private set; } = string.Empty;
    public AutomatedStatus Status { get; private set; }
    public string? Detail { get; private set; }

    public static Result<AutomatedResult> Create(AutomatedRun run, string? ruleId, string? titleKo, string? titleEn, AutomatedSeverity severity, string? resourceType, string? resourceId, AutomatedStatus status, string? detail)
    {
        var rule = Text.Required("ruleId", ruleId, RuleMax);
        if (rule.Error is { } e)
        {
            return e;
        }

        return new AutomatedResult
        {
            Id = Guid.NewGuid(),
            OrganizationId = run.OrganizationId,
            RunId = run.Id,
            RuleId = rule.Value!,
            TitleKo = ResultText.Clean(titleKo, TitleMax) ?? rule.Value!,
            TitleEn = ResultText.Clean(titleEn, TitleMax) ?? ResultText.Clean(titleKo, TitleMax) ?? rule.Value!,
            Severity = severity,
            ResourceType = ResultText.Clean(resourceType, ResourceTypeMax) ?? "-",
            ResourceId = ResultText.Clean(resourceId, ResourceMax) ?? "-",
            Status = status,
            Detail = ResultText.Clean(detail, DetailMax),
        };
    }
}

/// <summary>
/// Which control, and which of its check items (주요 확인사항, by number; 0 = the control as a whole), a result
/// evidences. The status is copied so "latest results per control" is one indexed query.
/// </summary>
public sealed class AutomatedResultControl : ITenantOwned
{
    private AutomatedResultControl()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid RunId { get; private set; }
    public Guid ResultId { get; private set; }
    public string ControlId { get; private set; } = string.Empty;
    public int CheckItem { get; private set; }
    public AutomatedStatus Status { get; private set; }

    public string? CheckItemId => CheckItem > 0 ? $"{ControlId}-{CheckItem}" : null;

    public static AutomatedResultControl Create(AutomatedResult result, string controlId, int checkItem) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = result.OrganizationId,
        RunId = result.RunId,
        ResultId = result.Id,
        ControlId = controlId,
        CheckItem = checkItem,
        Status = result.Status,
    };
}
