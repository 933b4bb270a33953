using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jikimi.Domain.Programme;

/// <summary>The deadline of one kind of request in one period, with the article that sets it.</summary>
public sealed record SubjectRequestDeadline(int Days, string BasisKo, string BasisEn, string Source);

public sealed record SubjectRequestRuleSet(string Id, DateOnly EffectiveFrom, DateOnly? EffectiveTo, IReadOnlyDictionary<string, SubjectRequestDeadline> Kinds)
{
    public bool Covers(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo);
}

/// <summary>
/// The statutory answer periods for data subjects' requests (<c>rules/subject-requests.json</c>, embedded), read as of
/// the day the request arrived: a change in the law adds a rule set and never changes the deadline of an older request.
/// </summary>
public sealed class SubjectRequestRules
{
    public const string ResourceName = "rules/subject-requests.json";

    private static readonly Lazy<SubjectRequestRules> EmbeddedRules = new(() =>
    {
        using var stream = typeof(SubjectRequestRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    private SubjectRequestRules(IReadOnlyList<SubjectRequestRuleSet> sets) => Sets = sets;

    public static SubjectRequestRules Embedded => EmbeddedRules.Value;

    public IReadOnlyList<SubjectRequestRuleSet> Sets { get; }

    public SubjectRequestRuleSet? For(DateOnly date) => Sets.FirstOrDefault(s => s.Covers(date));

    /// <summary>Parses and checks a rules file; a broken file is a bug in shipped data, so it throws.</summary>
    public static SubjectRequestRules Parse(string json)
    {
        var file = JsonSerializer.Deserialize<FileDto>(json, Json) ?? throw new InvalidDataException("subject-request rules: empty file");
        var sets = (file.RuleSets ?? []).Select(s => new SubjectRequestRuleSet(
                s.Id ?? throw new InvalidDataException("subject-request rules: a rule set has no id"),
                s.EffectiveFrom,
                s.EffectiveTo,
                (s.Kinds ?? []).ToDictionary(k => k.Key, k => new SubjectRequestDeadline(k.Value.Days, k.Value.BasisKo ?? string.Empty, k.Value.BasisEn ?? string.Empty, k.Value.Source ?? string.Empty), StringComparer.Ordinal)))
            .OrderBy(s => s.EffectiveFrom).ToList();
        if (sets.Count == 0)
        {
            throw new InvalidDataException("subject-request rules: no rule sets");
        }

        for (var i = 0; i < sets.Count; i++)
        {
            var s = sets[i];
            if (i + 1 < sets.Count && s.EffectiveTo?.AddDays(1) != sets[i + 1].EffectiveFrom)
            {
                throw new InvalidDataException($"subject-request rules: {s.Id} must end the day before {sets[i + 1].Id} starts (no gap, no overlap)");
            }

            if (i + 1 == sets.Count && s.EffectiveTo is not null)
            {
                throw new InvalidDataException($"subject-request rules: the newest rule set {s.Id} must be open-ended");
            }

            foreach (var kind in Enum.GetValues<SubjectRequestKind>().Select(k => k.ToWire()))
            {
                if (!s.Kinds.TryGetValue(kind, out var d))
                {
                    throw new InvalidDataException($"subject-request rules: {s.Id} has no deadline for {kind}");
                }

                if (d.Days is < 1 or > 90 || d.BasisKo.Length == 0 || d.BasisEn.Length == 0 || d.Source.Length == 0)
                {
                    throw new InvalidDataException($"subject-request rules: {s.Id}/{kind} needs 1–90 days, a Korean and English basis and a source tag");
                }
            }

            if (s.Kinds.Keys.FirstOrDefault(k => !SubjectRequestKinds.TryParse(k, out SubjectRequestKind _)) is { } unknown)
            {
                throw new InvalidDataException($"subject-request rules: {s.Id} names an unknown kind {unknown}");
            }
        }

        return new SubjectRequestRules(sets);
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
        public Dictionary<string, KindDto>? Kinds { get; set; }
    }

    private sealed class KindDto
    {
        public int Days { get; set; }
        public string? BasisKo { get; set; }
        public string? BasisEn { get; set; }
        public string? Source { get; set; }
    }
}
