using Jikimi.Domain.Common;

namespace Jikimi.Domain.Risk;

/// <summary>How a risk is treated (1.2.4).</summary>
public enum TreatmentStrategy
{
    None = 0,
    Reduce = 1,
    Transfer = 2,
    Avoid = 3,
    Accept = 4,
}

public static class RiskWire
{
    public static string ToWire(this TreatmentStrategy s) => s switch
    {
        TreatmentStrategy.Reduce => "reduce",
        TreatmentStrategy.Transfer => "transfer",
        TreatmentStrategy.Avoid => "avoid",
        TreatmentStrategy.Accept => "accept",
        _ => "none",
    };

    public static bool TryParseStrategy(string? text, out TreatmentStrategy strategy)
    {
        foreach (var s in Enum.GetValues<TreatmentStrategy>())
        {
            if (string.Equals(s.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                strategy = s;
                return true;
            }
        }

        strategy = default;
        return false;
    }
}

/// <summary>The threat and vulnerability levels chosen for one asset, with where the vulnerability came from.</summary>
public sealed record RiskInput(Guid AssetId, int AssetValue, Guid ThreatId, int ThreatLevel, int VulnerabilityLevel, string? Vulnerability, string? CheckItemId, string? ControlId);

/// <summary>The treatment plan: strategy, plan text, owner, due date, linked controls, residual risk, done or not.</summary>
public sealed record TreatmentPlan(TreatmentStrategy Strategy, string? Plan, Guid? OwnerUserId, DateOnly? DueDate, string? LinkedControls, int? ResidualScore, bool Completed);

/// <summary>
/// One risk of a yearly assessment: asset × threat × vulnerability with the scores as computed that year, its
/// treatment, and — when accepted — the executive who accepted it and when.
/// </summary>
public sealed class AssessedRisk : ITenantOwned
{
    private AssessedRisk()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid RiskAssessmentId { get; private set; }
    public Guid AssetId { get; private set; }
    public Guid ThreatId { get; private set; }
    public string Vulnerability { get; private set; } = string.Empty;

    /// <summary>The unfulfilled check item this vulnerability was found from (null when added by hand).</summary>
    public string? CheckItemId { get; private set; }

    /// <summary>The control the risk relates to (its domain places it in "risks by domain").</summary>
    public string? ControlId { get; private set; }

    public int AssetValue { get; private set; }
    public int ThreatLevel { get; private set; }
    public int VulnerabilityLevel { get; private set; }
    public int Score { get; private set; }
    public int Likelihood { get; private set; }
    public TreatmentStrategy Strategy { get; private set; }
    public string? Plan { get; private set; }
    public Guid? TreatmentOwnerUserId { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public string? LinkedControls { get; private set; }
    public int? ResidualScore { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public Guid? AcceptedByUserId { get; private set; }
    public string? AcceptedByName { get; private set; }
    public DateTime? AcceptedAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public bool Accepted => AcceptedAt is not null;

    public bool AboveDoa(int? acceptableLevel) => acceptableLevel is { } doa && Score > doa;

    public string Status => Accepted ? "accepted" : CompletedAt is not null ? "treated" : Strategy != TreatmentStrategy.None ? "planned" : "open";

    public static Result<AssessedRisk> Create(RiskAssessment assessment, RiskInput input, DateTime now)
    {
        var method = assessment.Method;
        var v = Text.Required("vulnerability", input.Vulnerability, 1000);
        if (v.Error is { } e)
        {
            return e;
        }

        if (method.CheckLevels(input.ThreatLevel, input.VulnerabilityLevel).Error is { } le)
        {
            return le;
        }

        if (input.AssetValue < 1 || input.AssetValue > method.Grades)
        {
            return new Invalid("assetValue", $"assetValue must be between 1 and {method.Grades}.");
        }

        return new AssessedRisk
        {
            Id = Guid.NewGuid(),
            OrganizationId = assessment.OrganizationId,
            RiskAssessmentId = assessment.Id,
            AssetId = input.AssetId,
            ThreatId = input.ThreatId,
            Vulnerability = v.Value!,
            CheckItemId = input.CheckItemId,
            ControlId = input.ControlId,
            AssetValue = input.AssetValue,
            ThreatLevel = input.ThreatLevel,
            VulnerabilityLevel = input.VulnerabilityLevel,
            Score = method.Score(input.AssetValue, input.ThreatLevel, input.VulnerabilityLevel),
            Likelihood = method.Likelihood(input.ThreatLevel, input.VulnerabilityLevel),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>A changed plan re-opens an accepted risk: the executive signs what is actually planned.</summary>
    public Result PlanTreatment(TreatmentPlan plan, DateTime now)
    {
        var p = Text.Optional("plan", plan.Plan, 4000);
        var l = Text.Optional("linkedControls", plan.LinkedControls, 500);
        if ((p.Error ?? l.Error) is { } e)
        {
            return e;
        }

        if (plan.ResidualScore is { } residual && (residual < 1 || residual > Score))
        {
            return residual < 1 ? new Invalid("residualScore", "residualScore must be at least 1.") : new ResidualAboveRisk();
        }

        Strategy = plan.Strategy;
        Plan = p.Value;
        TreatmentOwnerUserId = plan.OwnerUserId;
        DueDate = plan.DueDate;
        LinkedControls = l.Value;
        ResidualScore = plan.ResidualScore;
        CompletedAt = plan.Completed ? CompletedAt ?? now : null;
        AcceptedAt = null;
        AcceptedByUserId = null;
        AcceptedByName = null;
        UpdatedAt = now;
        Version++;
        return Result.Ok;
    }

    public Result Accept(Guid userId, string name, DateTime now)
    {
        if (Accepted)
        {
            return new RiskAlreadyAccepted();
        }

        if (Strategy != TreatmentStrategy.Accept && ResidualScore is null)
        {
            return new NothingToAccept();
        }

        AcceptedByUserId = userId;
        AcceptedByName = name;
        AcceptedAt = now;
        UpdatedAt = now;
        Version++;
        return Result.Ok;
    }
}
