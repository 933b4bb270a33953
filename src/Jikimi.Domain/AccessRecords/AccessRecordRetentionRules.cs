using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jikimi.Domain.AccessRecords;

/// <summary>One reason a retention period applies, with the provision that sets it.</summary>
public sealed record RetentionGround(string BasisKo, string BasisEn, string Source);

public sealed record RetentionRuleSet(
    string Id, DateOnly EffectiveFrom, DateOnly? EffectiveTo, int BaseYears, int ExtendedYears, long DataSubjectsThreshold,
    IReadOnlyDictionary<string, RetentionGround> Grounds)
{
    public bool Covers(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo);
}

/// <summary>
/// The legal minimum retention of access records (<c>rules/access-record-retention.json</c>, embedded): 1 year, 2 years
/// on any ground of 제8조① 단서. Grounds a rule set does not list (a carrier before 2023) do not extend it.
/// </summary>
public sealed class AccessRecordRetentionRules
{
    public const string ResourceName = "rules/access-record-retention.json";

    /// <summary>The ground keys a rule set may list; <c>base</c> is required.</summary>
    public static readonly IReadOnlyList<string> GroundKeys = ["base", "data-subjects", "unique-or-sensitive", "telecom-carrier"];

    private static readonly Lazy<AccessRecordRetentionRules> EmbeddedRules = new(() =>
    {
        using var stream = typeof(AccessRecordRetentionRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    private AccessRecordRetentionRules(IReadOnlyList<RetentionRuleSet> sets) => Sets = sets;

    public static AccessRecordRetentionRules Embedded => EmbeddedRules.Value;

    public IReadOnlyList<RetentionRuleSet> Sets { get; }

    public RetentionRuleSet? For(DateOnly date) => Sets.FirstOrDefault(s => s.Covers(date));

    /// <summary>Parses and checks a rules file; a broken file is a bug in shipped data, so it throws.</summary>
    public static AccessRecordRetentionRules Parse(string json)
    {
        var file = JsonSerializer.Deserialize<FileDto>(json, Json) ?? throw new InvalidDataException("retention rules: empty file");
        var sets = (file.RuleSets ?? []).Select(s => new RetentionRuleSet(
                s.Id ?? throw new InvalidDataException("retention rules: a rule set has no id"),
                s.EffectiveFrom, s.EffectiveTo, s.BaseYears, s.ExtendedYears, s.DataSubjectsThreshold,
                (s.Grounds ?? []).ToDictionary(g => g.Key, g => new RetentionGround(g.Value.BasisKo ?? string.Empty, g.Value.BasisEn ?? string.Empty, g.Value.Source ?? string.Empty), StringComparer.Ordinal)))
            .OrderBy(s => s.EffectiveFrom).ToList();
        if (sets.Count == 0)
        {
            throw new InvalidDataException("retention rules: no rule sets");
        }

        for (var i = 0; i < sets.Count; i++)
        {
            var s = sets[i];
            if (i + 1 < sets.Count && s.EffectiveTo?.AddDays(1) != sets[i + 1].EffectiveFrom)
            {
                throw new InvalidDataException($"retention rules: {s.Id} must end the day before {sets[i + 1].Id} starts (no gap, no overlap)");
            }

            if (i + 1 == sets.Count && s.EffectiveTo is not null)
            {
                throw new InvalidDataException($"retention rules: the newest rule set {s.Id} must be open-ended");
            }

            if (s.BaseYears is < 1 or > 10 || s.ExtendedYears < s.BaseYears || s.ExtendedYears > 10 || s.DataSubjectsThreshold < 1)
            {
                throw new InvalidDataException($"retention rules: {s.Id} needs 1–10 base years, extended years ≥ base and a positive data-subject threshold");
            }

            if (!s.Grounds.ContainsKey("base"))
            {
                throw new InvalidDataException($"retention rules: {s.Id} has no base ground");
            }

            foreach (var (key, g) in s.Grounds)
            {
                if (!GroundKeys.Contains(key))
                {
                    throw new InvalidDataException($"retention rules: {s.Id} names an unknown ground {key}");
                }

                if (g.BasisKo.Length == 0 || g.BasisEn.Length == 0 || g.Source.Length == 0)
                {
                    throw new InvalidDataException($"retention rules: {s.Id}/{key} needs a Korean and English basis and a source tag");
                }
            }
        }

        return new AccessRecordRetentionRules(sets);
    }

    private sealed class FileDto
    {
        public List<SetDto>? RuleSets { get; set; }
    }

    private sealed class SetDto
    {
        public string? Id { get; set; }
        public DateOnly EffectiveFrom { get; set; }
        public DateOnly? EffectiveTo { get; set; }
        public int BaseYears { get; set; }
        public int ExtendedYears { get; set; }
        public long DataSubjectsThreshold { get; set; }
        public Dictionary<string, GroundDto>? Grounds { get; set; }
    }

    private sealed class GroundDto
    {
        public string? BasisKo { get; set; }
        public string? BasisEn { get; set; }
        public string? Source { get; set; }
    }
}
