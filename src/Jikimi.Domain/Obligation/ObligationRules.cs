using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jikimi.Domain.Obligation;

/// <summary>Thresholds of one rule set, in KRW and people.</summary>
public sealed record ObligationThresholds(
    long RevenueKrw,
    int EnrolledStudents,
    long IctServiceRevenueKrw,
    long AverageDailyUsers,
    long SimplifiedIctServiceRevenueKrw);

/// <summary>The article a ground rests on, in both languages, with where the fact came from.</summary>
public sealed record GroundBasis(string BasisKo, string BasisEn, string Source);

public sealed record SimplifiedRule(string BasisKo, string BasisEn, string Source);

public sealed record DeadlineRule(int Month, int Day, string Source);

/// <summary>How the law of a period words the daily-users measure, in both languages, tagged by source.</summary>
public sealed record MeasureWording(string Ko, string En, string Source);

/// <summary>
/// The obligation law as it read during one period (effectiveFrom..effectiveTo, inclusive dates). A change in the
/// law is a new rule set; old ones stay, so a question "as of 2025-01-01" gets the answer of that day.
/// </summary>
public sealed record ObligationRuleSet(
    string Id,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    string Source,
    ObligationThresholds Thresholds,
    IReadOnlyDictionary<string, GroundBasis> Grounds,
    bool MvnoIsIsp,
    SimplifiedRule? Simplified,
    long MaxFineKrw,
    string FineBasis,
    DeadlineRule Deadline)
{
    /// <summary>Whether tertiary hospitals and large universities are a ground (from 2016-06-02).</summary>
    public bool HospitalsAndUniversities { get; init; } = true;

    /// <summary>Whether financial companies are excluded from the ICT-revenue and daily-users grounds (from 2016-06-02).</summary>
    public bool FinancialCompaniesExcluded { get; init; } = true;

    /// <summary>The period's wording of the daily-users measure (e.g. the last 3 months of the previous year before 2024-07-24).</summary>
    public MeasureWording? DailyUsersMeasure { get; init; }

    public bool Covers(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo);
}

/// <summary>The versioned rules file (<c>rules/obligation.json</c>, embedded in this assembly), loaded and checked.</summary>
public sealed class ObligationRules
{
    public const string ResourceName = "rules/obligation.json";

    private static readonly Lazy<ObligationRules> EmbeddedRules = new(() =>
    {
        using var stream = typeof(ObligationRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    private ObligationRules(IReadOnlyList<ObligationRuleSet> sets) => Sets = sets;

    /// <summary>The rules shipped with this build.</summary>
    public static ObligationRules Embedded => EmbeddedRules.Value;

    /// <summary>Rule sets, oldest first.</summary>
    public IReadOnlyList<ObligationRuleSet> Sets { get; }

    public ObligationRuleSet? For(DateOnly date) => Sets.FirstOrDefault(s => s.Covers(date));

    /// <summary>Parses and validates a rules file; a broken file is a bug in the shipped data, so it throws.</summary>
    public static ObligationRules Parse(string json)
    {
        var file = JsonSerializer.Deserialize<FileDto>(json, Json) ?? throw new InvalidDataException("obligation rules: empty file");
        var sets = (file.RuleSets ?? []).Select(ToSet).OrderBy(s => s.EffectiveFrom).ToList();
        if (sets.Count == 0)
        {
            throw new InvalidDataException("obligation rules: no rule sets");
        }

        for (var i = 0; i < sets.Count; i++)
        {
            var s = sets[i];
            if (s.EffectiveTo is { } to && to < s.EffectiveFrom)
            {
                throw new InvalidDataException($"obligation rules: {s.Id} ends before it starts");
            }

            if (i + 1 < sets.Count && s.EffectiveTo?.AddDays(1) != sets[i + 1].EffectiveFrom)
            {
                throw new InvalidDataException($"obligation rules: {s.Id} must end the day before {sets[i + 1].Id} starts (no gap, no overlap)");
            }

            if (i + 1 == sets.Count && s.EffectiveTo is not null)
            {
                throw new InvalidDataException($"obligation rules: the newest rule set {s.Id} must be open-ended");
            }

            if (s.DailyUsersMeasure is null)
            {
                throw new InvalidDataException($"obligation rules: {s.Id} lacks dailyUsersMeasure (the period's wording of the users test)");
            }

            foreach (var code in ObligationGrounds.All.Where(c => (c != ObligationGrounds.Mvno || s.MvnoIsIsp) && (s.HospitalsAndUniversities || c is not (ObligationGrounds.Hospital or ObligationGrounds.University))))
            {
                if (!s.Grounds.ContainsKey(code))
                {
                    throw new InvalidDataException($"obligation rules: {s.Id} has no basis for ground {code}");
                }
            }

            if (s.Grounds.Keys.FirstOrDefault(k => !ObligationGrounds.All.Contains(k)) is { } unknown)
            {
                throw new InvalidDataException($"obligation rules: {s.Id} names an unknown ground {unknown}");
            }

            var t = s.Thresholds;
            if (t.RevenueKrw <= 0 || t.EnrolledStudents <= 0 || t.IctServiceRevenueKrw <= 0 || t.AverageDailyUsers <= 0 || t.SimplifiedIctServiceRevenueKrw <= 0 || s.MaxFineKrw <= 0)
            {
                throw new InvalidDataException($"obligation rules: {s.Id} has a threshold or fine that is not positive");
            }

            _ = new DateOnly(2000, s.Deadline.Month, s.Deadline.Day); // throws on an impossible date
        }

        if (sets.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() != sets.Count)
        {
            throw new InvalidDataException("obligation rules: duplicate rule set ids");
        }

        return new ObligationRules(sets);
    }

    private static ObligationRuleSet ToSet(SetDto d)
    {
        string Req(string? v, string field) => string.IsNullOrWhiteSpace(v) ? throw new InvalidDataException($"obligation rules: {d.Id ?? "?"} lacks {field}") : v;
        return new ObligationRuleSet(
            Req(d.Id, "id"),
            d.EffectiveFrom ?? throw new InvalidDataException($"obligation rules: {d.Id} lacks effectiveFrom"),
            d.EffectiveTo,
            Req(d.Source, "source"),
            d.Thresholds ?? throw new InvalidDataException($"obligation rules: {d.Id} lacks thresholds"),
            (d.Grounds ?? []).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            d.MvnoIsIsp,
            d.Simplified,
            d.MaxFineKrw,
            Req(d.FineBasis, "fineBasis"),
            d.Deadline ?? throw new InvalidDataException($"obligation rules: {d.Id} lacks deadline"))
        {
            HospitalsAndUniversities = d.HospitalsAndUniversities ?? true,
            FinancialCompaniesExcluded = d.FinancialCompaniesExcluded ?? true,
            DailyUsersMeasure = d.DailyUsersMeasure,
        };
    }

    private sealed record FileDto(string? About, List<SetDto>? RuleSets);

    private sealed record SetDto(
        string? Id,
        DateOnly? EffectiveFrom,
        DateOnly? EffectiveTo,
        string? Source,
        ObligationThresholds? Thresholds,
        Dictionary<string, GroundBasis>? Grounds,
        bool MvnoIsIsp,
        SimplifiedRule? Simplified,
        long MaxFineKrw,
        string? FineBasis,
        DeadlineRule? Deadline,
        bool? HospitalsAndUniversities,
        bool? FinancialCompaniesExcluded,
        MeasureWording? DailyUsersMeasure);
}

/// <summary>Stable ground codes (API, CLI, rules file).</summary>
public static class ObligationGrounds
{
    public const string Isp = "ISP";
    public const string Mvno = "MVNO";
    public const string Idc = "IDC";
    public const string Hospital = "HOSPITAL";
    public const string University = "UNIVERSITY";
    public const string IctRevenue = "ICT_REVENUE";
    public const string DailyUsers = "DAILY_USERS";

    public static readonly IReadOnlyList<string> All = [Isp, Mvno, Idc, Hospital, University, IctRevenue, DailyUsers];
}
