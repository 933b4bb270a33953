using Jikimi.Domain.Common;

namespace Jikimi.Domain.Assessments;

/// <summary>
/// The work on one control within an assessment: workflow status, applicability, owner, due date, and the
/// operation-statement fields (운영명세서: 운영현황, related documents with clause, evidence records).
/// </summary>
public sealed class ControlAssessment : ITenantOwned
{
    private ControlAssessment()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid AssessmentId { get; private set; }
    public string ControlId { get; private set; } = string.Empty;
    public string DomainId { get; private set; } = string.Empty;
    public string SubdomainId { get; private set; } = string.Empty;

    /// <summary>Catalog order, so lists sort 2.10.1 after 2.9.7.</summary>
    public int Position { get; private set; }

    public WorkflowStatus Status { get; private set; }
    public bool Applicable { get; private set; } = true;
    public string? NotApplicableReason { get; private set; }
    public Guid? OwnerUserId { get; private set; }
    public DateOnly? DueDate { get; private set; }

    /// <summary>운영현황: how the organization operates this control.</summary>
    public string? OperationStatus { get; private set; }

    /// <summary>관련 문서: policy or guideline with clause, one per line.</summary>
    public string? RelatedDocuments { get; private set; }

    /// <summary>기록(증적): the records that show operation, one per line.</summary>
    public string? EvidenceRecords { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: incremented on every change; a stale write gets 409.</summary>
    public int Version { get; private set; }

    public static ControlAssessment Create(Guid organizationId, Guid assessmentId, string controlId, string domainId, string subdomainId, int position, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = organizationId,
        AssessmentId = assessmentId,
        ControlId = controlId,
        DomainId = domainId,
        SubdomainId = subdomainId,
        Position = position,
        UpdatedAt = now,
    };

    /// <summary>A copy for a new year's assessment; what to reset is the caller's choice.</summary>
    public ControlAssessment CopyTo(Guid assessmentId, bool resetStatus, bool resetStatement, int dueDateShiftYears, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = OrganizationId,
        AssessmentId = assessmentId,
        ControlId = ControlId,
        DomainId = DomainId,
        SubdomainId = SubdomainId,
        Position = Position,
        Status = resetStatus ? WorkflowStatus.ToDo : Status,
        Applicable = Applicable,
        NotApplicableReason = NotApplicableReason,
        OwnerUserId = OwnerUserId,
        DueDate = DueDate?.AddYears(dueDateShiftYears),
        OperationStatus = resetStatement ? null : OperationStatus,
        RelatedDocuments = resetStatement ? null : RelatedDocuments,
        EvidenceRecords = resetStatement ? null : EvidenceRecords,
        UpdatedAt = now,
    };

    public Result SetStatus(WorkflowStatus status, DateTime now) => Touch(() => Status = status, now);

    public Result SetApplicability(bool applicable, string? reason, DateTime now)
    {
        var r = Text.Optional("notApplicableReason", reason, 2000);
        if (r.Error is { } e)
        {
            return e;
        }

        if (!applicable && r.Value is null)
        {
            return new NotApplicableNeedsReason();
        }

        return Touch(
            () =>
            {
                Applicable = applicable;
                NotApplicableReason = applicable ? null : r.Value;
            },
            now);
    }

    public Result Assign(Guid? ownerUserId, DateOnly? dueDate, DateTime now) => Touch(
        () =>
        {
            OwnerUserId = ownerUserId;
            DueDate = dueDate;
        },
        now);

    public Result UpdateStatement(string? operationStatus, string? relatedDocuments, string? evidenceRecords, DateTime now)
    {
        var o = Text.Optional("operationStatus", operationStatus, 20_000);
        var d = Text.Optional("relatedDocuments", relatedDocuments, 10_000);
        var e = Text.Optional("evidenceRecords", evidenceRecords, 10_000);
        if ((o.Error ?? d.Error ?? e.Error) is { } err)
        {
            return err;
        }

        return Touch(
            () =>
            {
                OperationStatus = o.Value;
                RelatedDocuments = d.Value;
                EvidenceRecords = e.Value;
            },
            now);
    }

    private Result Touch(Action change, DateTime now)
    {
        change();
        UpdatedAt = now;
        Version++;
        return Result.Ok;
    }
}
