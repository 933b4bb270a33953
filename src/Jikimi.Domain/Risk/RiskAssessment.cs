using Jikimi.Domain.Common;

namespace Jikimi.Domain.Risk;

/// <summary>
/// One year's risk assessment (1.2.3): the method's parameters as they were that year, and the acceptable risk
/// level (DoA) with the executive who approved it and when. Risks belong to it, so history stays reproducible.
/// </summary>
public sealed class RiskAssessment : ITenantOwned
{
    private RiskAssessment()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public int Year { get; private set; }
    public ImportanceRule ImportanceRule { get; private set; }
    public int CiaScale { get; private set; }

    /// <summary>Ascending, comma-separated (e.g. "6,8").</summary>
    public string GradeThresholds { get; private set; } = string.Empty;

    public int ThreatScale { get; private set; }
    public int VulnerabilityScale { get; private set; }
    public int? AcceptableLevel { get; private set; }
    public Guid? DoaApprovedByUserId { get; private set; }
    public string? DoaApprovedByName { get; private set; }
    public DateTime? DoaApprovedAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public int Version { get; private set; }

    public RiskMethod Method => new(
        ImportanceRule,
        CiaScale,
        GradeThresholds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
        ThreatScale,
        VulnerabilityScale);

    public bool DoaApproved => DoaApprovedAt is not null;

    public static Result<RiskAssessment> Create(Guid organizationId, int year, RiskMethod method, int? acceptableLevel, DateTime now)
    {
        if (year is < 2000 or > 2100)
        {
            return new Invalid("year", "year must be between 2000 and 2100.");
        }

        var ra = new RiskAssessment
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            Year = year,
            ImportanceRule = method.Importance,
            CiaScale = method.CiaScale,
            GradeThresholds = string.Join(',', method.GradeThresholds.Select(t => t.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            ThreatScale = method.ThreatScale,
            VulnerabilityScale = method.VulnerabilityScale,
            CreatedAt = now,
        };
        if (acceptableLevel is { } level && ra.SetAcceptableLevel(level).Error is { } e)
        {
            return e;
        }

        return ra;
    }

    /// <summary>A new level needs a new approval.</summary>
    public Result SetAcceptableLevel(int level)
    {
        if (level < 1 || level > Method.MaxScore)
        {
            return new AcceptableLevelOutOfRange(Method.MaxScore);
        }

        AcceptableLevel = level;
        DoaApprovedAt = null;
        DoaApprovedByUserId = null;
        DoaApprovedByName = null;
        Version++;
        return Result.Ok;
    }

    public Result ApproveAcceptableLevel(Guid userId, string name, DateTime now)
    {
        if (AcceptableLevel is null)
        {
            return new AcceptableLevelNotSet();
        }

        DoaApprovedByUserId = userId;
        DoaApprovedByName = name;
        DoaApprovedAt = now;
        Version++;
        return Result.Ok;
    }
}
