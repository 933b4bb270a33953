using Jikimi.Domain.Assessments;

namespace Jikimi.Application.Assessments;

public sealed record AssessmentView(Guid Id, int Year, string Edition, string Certification, string Title, Guid? StartedFromId, DateTime CreatedAt, int Controls, int CheckItems);

public sealed record ResultCounts(int Fulfilled, int Partial, int NotFulfilled, int NotApplicable, int Unassessed)
{
    public int Total => Fulfilled + Partial + NotFulfilled + NotApplicable + Unassessed;

    public int Applicable => Total - NotApplicable;

    /// <summary>(fulfilled + ½ partial) ÷ applicable, as a percentage; null when nothing is applicable.</summary>
    public double? Readiness => Applicable == 0 ? null : Math.Round(100.0 * (Fulfilled + 0.5 * Partial) / Applicable, 1);

    public ResultCounts Add(ResultCounts o) => new(Fulfilled + o.Fulfilled, Partial + o.Partial, NotFulfilled + o.NotFulfilled, NotApplicable + o.NotApplicable, Unassessed + o.Unassessed);

    public static readonly ResultCounts Zero = new(0, 0, 0, 0, 0);
}

public sealed record ControlRow(
    Guid Id,
    string ControlId,
    string DomainId,
    string SubdomainId,
    string TitleKo,
    string TitleEn,
    string Status,
    bool Applicable,
    string? NotApplicableReason,
    string Result,
    ResultCounts Counts,
    Guid? OwnerUserId,
    string? OwnerName,
    DateOnly? DueDate,
    bool Overdue,
    int EvidenceCount,
    int Version);

public sealed record CheckItemView(Guid Id, string CheckItemId, int Number, string TextKo, string TextEn, string Result, string? NotApplicableReason, string? Note, int Version, DateTime UpdatedAt);

public sealed record LinkedEvidenceView(Guid LinkId, Guid EvidenceId, string Title, string CheckItemId, int CurrentVersion, DateOnly? ExpiresOn, bool Expired);

public sealed record CommentView(Guid Id, Guid AuthorUserId, string AuthorName, string Body, DateTime CreatedAt);

public sealed record HistoryView(DateTime At, string Actor, string Action, string Summary);

public sealed record ControlDetail(
    ControlRow Control,
    string? CriterionKo,
    string? CriterionEn,
    string? OperationStatus,
    string? RelatedDocuments,
    string? EvidenceRecords,
    IReadOnlyList<CheckItemView> CheckItems,
    IReadOnlyList<LinkedEvidenceView> Evidence,
    IReadOnlyList<CommentView> Comments,
    IReadOnlyList<HistoryView> History);

/// <summary>A control's result from its check items: unassessed until every applicable item is assessed.</summary>
public static class ControlResult
{
    public static CheckResult Derive(bool applicable, ResultCounts c)
    {
        if (!applicable || c.Applicable == 0)
        {
            return CheckResult.NotApplicable;
        }

        if (c.Unassessed > 0)
        {
            return CheckResult.Unassessed;
        }

        if (c.Fulfilled == c.Applicable)
        {
            return CheckResult.Fulfilled;
        }

        return c.NotFulfilled == c.Applicable ? CheckResult.NotFulfilled : CheckResult.Partial;
    }
}
