using Jikimi.Domain.Common;

namespace Jikimi.Domain.Assessments;

/// <summary>The result of one check item (주요 확인사항) in an assessment.</summary>
public sealed class CheckItemAssessment : ITenantOwned
{
    private CheckItemAssessment()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid AssessmentId { get; private set; }
    public Guid ControlAssessmentId { get; private set; }
    public string CheckItemId { get; private set; } = string.Empty;
    public int Number { get; private set; }
    public CheckResult Result { get; private set; }
    public string? NotApplicableReason { get; private set; }
    public string? Note { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static CheckItemAssessment Create(ControlAssessment control, string checkItemId, int number, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = control.OrganizationId,
        AssessmentId = control.AssessmentId,
        ControlAssessmentId = control.Id,
        CheckItemId = checkItemId,
        Number = number,
        UpdatedAt = now,
    };

    public CheckItemAssessment CopyTo(ControlAssessment control, bool resetResult, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = control.OrganizationId,
        AssessmentId = control.AssessmentId,
        ControlAssessmentId = control.Id,
        CheckItemId = CheckItemId,
        Number = Number,
        Result = resetResult ? CheckResult.Unassessed : Result,
        NotApplicableReason = resetResult ? null : NotApplicableReason,
        Note = resetResult ? null : Note,
        UpdatedAt = now,
    };

    public Common.Result Record(CheckResult result, string? notApplicableReason, string? note, DateTime now)
    {
        var reason = Text.Optional("notApplicableReason", notApplicableReason, 2000);
        var n = Text.Optional("note", note, 4000);
        if ((reason.Error ?? n.Error) is { } e)
        {
            return e;
        }

        if (result == CheckResult.NotApplicable && reason.Value is null)
        {
            return new NotApplicableNeedsReason();
        }

        Result = result;
        NotApplicableReason = result == CheckResult.NotApplicable ? reason.Value : null;
        Note = n.Value;
        UpdatedAt = now;
        Version++;
        return Common.Result.Ok;
    }
}

/// <summary>A comment on a control in an assessment.</summary>
public sealed class ControlComment : ITenantOwned
{
    private ControlComment()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid ControlAssessmentId { get; private set; }
    public Guid AuthorUserId { get; private set; }
    public string Body { get; private set; } = string.Empty;
    public DateTime CreatedAt { get; private set; }

    public static Result<ControlComment> Create(ControlAssessment control, Guid author, string? body, DateTime now)
    {
        var b = Text.Required("body", body, 8000);
        if (b.Error is { } e)
        {
            return e;
        }

        return new ControlComment { Id = Guid.NewGuid(), OrganizationId = control.OrganizationId, ControlAssessmentId = control.Id, AuthorUserId = author, Body = b.Value!, CreatedAt = now };
    }
}
