using Jikimi.Domain.Common;

namespace Jikimi.Domain.Risk;

/// <summary>How the C/I/A ratings combine into an asset's importance score.</summary>
public enum ImportanceRule
{
    /// <summary>C + I + A (the common Korean method: 3–9 on a 1–3 scale).</summary>
    Sum = 0,

    /// <summary>The highest of C, I and A.</summary>
    Max = 1,
}

/// <summary>
/// The risk method of one yearly assessment (ADR 0014). Importance = sum or max of C/I/A, banded into grades by
/// ascending thresholds; the asset value used in the risk is the grade (1 = low … n = high). Risk = asset value ×
/// threat × vulnerability. For the heat map, impact = the asset value and likelihood = ⌈threat × vulnerability ÷
/// vulnerability scale⌉, which runs 1 … threat scale. Kept on each assessment so a past year's numbers stay explainable.
/// </summary>
public sealed record RiskMethod(ImportanceRule Importance, int CiaScale, IReadOnlyList<int> GradeThresholds, int ThreatScale, int VulnerabilityScale)
{
    /// <summary>C+I+A on 1–3 (3–9): low below 6, medium 6–7, high 8–9; threat and vulnerability 1–3; risk 1–27.</summary>
    public static RiskMethod Default { get; } = new(ImportanceRule.Sum, 3, [6, 8], 3, 3);

    public static readonly int[] Scales = [3, 5];

    public int Grades => GradeThresholds.Count + 1;

    public int MinImportance => Importance == ImportanceRule.Sum ? 3 : 1;

    public int MaxImportance => Importance == ImportanceRule.Sum ? 3 * CiaScale : CiaScale;

    public int MaxScore => Grades * ThreatScale * VulnerabilityScale;

    public static Result<RiskMethod> Create(string? importance, int ciaScale, IReadOnlyList<int>? gradeThresholds, int threatScale, int vulnerabilityScale)
    {
        if (!TryParseImportance(importance ?? "sum", out var rule))
        {
            return new Invalid("importance", "importance must be sum or max.");
        }

        foreach (var (field, scale) in new[] { ("ciaScale", ciaScale), ("threatScale", threatScale), ("vulnerabilityScale", vulnerabilityScale) })
        {
            if (!Scales.Contains(scale))
            {
                return new Invalid(field, $"{field} must be 3 or 5.");
            }
        }

        var method = new RiskMethod(rule, ciaScale, gradeThresholds ?? [], threatScale, vulnerabilityScale);
        var t = method.GradeThresholds;
        if (t.Count is < 1 or > 4)
        {
            return new Invalid("gradeThresholds", "gradeThresholds needs one to four ascending scores (two gives low/medium/high).");
        }

        for (var i = 0; i < t.Count; i++)
        {
            if (t[i] <= method.MinImportance || t[i] > method.MaxImportance || (i > 0 && t[i] <= t[i - 1]))
            {
                return new Invalid("gradeThresholds", $"gradeThresholds must ascend strictly within {method.MinImportance + 1}–{method.MaxImportance}.");
            }
        }

        return method;
    }

    public static bool TryParseImportance(string? text, out ImportanceRule rule)
    {
        rule = text?.Trim().ToLowerInvariant() switch
        {
            "sum" => ImportanceRule.Sum,
            "max" => ImportanceRule.Max,
            _ => (ImportanceRule)(-1),
        };
        return Enum.IsDefined(rule);
    }

    public Result CheckRatings(int confidentiality, int integrity, int availability)
    {
        foreach (var (field, v) in new[] { ("confidentiality", confidentiality), ("integrity", integrity), ("availability", availability) })
        {
            if (v < 1 || v > CiaScale)
            {
                return new Invalid(field, $"{field} must be between 1 and {CiaScale}.");
            }
        }

        return Result.Ok;
    }

    public int ImportanceScore(int confidentiality, int integrity, int availability) => Importance == ImportanceRule.Sum
        ? confidentiality + integrity + availability
        : Math.Max(confidentiality, Math.Max(integrity, availability));

    /// <summary>1 (lowest) … <see cref="Grades"/> (highest).</summary>
    public int Grade(int importanceScore) => 1 + GradeThresholds.Count(t => importanceScore >= t);

    public int AssetValue(int confidentiality, int integrity, int availability) => Grade(ImportanceScore(confidentiality, integrity, availability));

    public Result CheckLevels(int threat, int vulnerability)
    {
        if (threat < 1 || threat > ThreatScale)
        {
            return new Invalid("threatLevel", $"threatLevel must be between 1 and {ThreatScale}.");
        }

        return vulnerability < 1 || vulnerability > VulnerabilityScale
            ? new Invalid("vulnerabilityLevel", $"vulnerabilityLevel must be between 1 and {VulnerabilityScale}.")
            : Result.Ok;
    }

    public int Score(int assetValue, int threat, int vulnerability) => assetValue * threat * vulnerability;

    /// <summary>1 … <see cref="ThreatScale"/>.</summary>
    public int Likelihood(int threat, int vulnerability) => (threat * vulnerability + VulnerabilityScale - 1) / VulnerabilityScale;

    public string ImportanceWire => Importance == ImportanceRule.Sum ? "sum" : "max";
}
