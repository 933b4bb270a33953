using Jikimi.Catalog.Model;
using Jikimi.Domain.Common;

namespace Jikimi.Domain.Assessments;

/// <summary>One organization's assessment of one criteria edition for one year.</summary>
public sealed class Assessment : ITenantOwned
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    private Assessment()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public int Year { get; private set; }
    public string Edition { get; private set; } = string.Empty;
    public Certification Certification { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public Guid? StartedFromId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static Result<Assessment> Create(Guid organizationId, int year, EditionId edition, Certification certification, string? title, Guid? startedFrom, DateTime now)
    {
        if (year is < MinYear or > MaxYear)
        {
            return new Invalid("year", $"year must be between {MinYear} and {MaxYear}.");
        }

        var t = Text.Optional("title", title, 200);
        if (t.Error is { } e)
        {
            return e;
        }

        return new Assessment
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            Year = year,
            Edition = edition.Value,
            Certification = certification,
            Title = t.Value ?? $"{year} {(certification == Certification.IsmsP ? "ISMS-P" : "ISMS")}",
            StartedFromId = startedFrom,
            CreatedAt = now,
        };
    }
}

public sealed record AssessmentExists(int Year, string Edition)
    : ConflictError("assessment.exists", $"An assessment of {Edition} for {Year} already exists.");

public sealed record NotApplicableNeedsReason()
    : RuleError("result.reason_required", "A not-applicable result needs a reason.");

public sealed record EditionWithoutCheckItems(string Edition)
    : RuleError("assessment.edition_not_assessable", $"Edition {Edition} has no check-item texts in Jikimi; assess with the 2023 edition or a simplified set (7-2, 7-3).");
