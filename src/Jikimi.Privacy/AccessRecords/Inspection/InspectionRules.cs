using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jikimi.Privacy.AccessRecords.Inspection;

/// <summary>What an inspection rule looks for; the engine has one piece of logic per kind.</summary>
public enum InspectionKind
{
    DownloadWithoutReason,
    LargeDownload,
    BulkView,
    OffHours,
    NewSource,
    OutsideAllowedSources,
    DormantAccountActive,
    LeaverActive,
    RepeatedSubject,
    AboveBaseline,
}

/// <summary>One rule of <c>rules/access-inspection.json</c>: titles, the controls its hits evidence, numeric parameters.</summary>
public sealed record InspectionRule(
    string Id, InspectionKind Kind, string TitleKo, string TitleEn, string DescriptionKo, string DescriptionEn,
    IReadOnlyList<string> Controls, IReadOnlyDictionary<string, double> Parameters)
{
    public double this[string parameter] => Parameters.TryGetValue(parameter, out var v) ? v : throw new KeyNotFoundException($"rule {Id} has no parameter {parameter}");
}

/// <summary>
/// The inspection rules as data (<c>rules/access-inspection.json</c>, embedded). A broken file is a bug in shipped
/// data and throws; an organization's own thresholds are a copy with other parameters (<see cref="WithParameter"/>).
/// </summary>
public sealed class InspectionRules
{
    public const string ResourceName = "rules/access-inspection.json";

    /// <summary>The parameters each kind needs (the loader refuses a rule without them).</summary>
    public static readonly IReadOnlyDictionary<InspectionKind, string[]> Required = new Dictionary<InspectionKind, string[]>
    {
        [InspectionKind.DownloadWithoutReason] = [],
        [InspectionKind.LargeDownload] = ["minRecords"],
        [InspectionKind.BulkView] = ["minRecords"],
        [InspectionKind.OffHours] = ["startHour", "endHour"],
        [InspectionKind.NewSource] = ["minHistoryDays", "maxSourcesPerAccount"],
        [InspectionKind.OutsideAllowedSources] = [],
        [InspectionKind.DormantAccountActive] = ["dormantDays"],
        [InspectionKind.LeaverActive] = ["graceDays"],
        [InspectionKind.RepeatedSubject] = ["minViews", "maxPairs"],
        [InspectionKind.AboveBaseline] = ["baselineDays", "factor", "minRecords"],
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    private static readonly Lazy<InspectionRules> EmbeddedRules = new(() =>
    {
        using var stream = typeof(InspectionRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    private InspectionRules(string version, IReadOnlyList<InspectionRule> rules)
    {
        Version = version;
        Rules = rules;
    }

    public static InspectionRules Embedded => EmbeddedRules.Value;

    public string Version { get; }

    public IReadOnlyList<InspectionRule> Rules { get; }

    public InspectionRule? Find(string id) => Rules.FirstOrDefault(r => r.Id == id);

    /// <summary>A copy with one parameter of one rule changed (an organization's own threshold).</summary>
    public InspectionRules WithParameter(string ruleId, string parameter, double value) =>
        new(Version, Rules.Select(r => r.Id != ruleId ? r : r with
        {
            Parameters = new Dictionary<string, double>(r.Parameters, StringComparer.Ordinal) { [parameter] = value },
        }).ToList());

    public static InspectionRules Parse(string json)
    {
        var file = JsonSerializer.Deserialize<FileDto>(json, Json) ?? throw new InvalidDataException("inspection rules: empty file");
        var rules = new List<InspectionRule>();
        foreach (var r in file.Rules ?? [])
        {
            var id = string.IsNullOrWhiteSpace(r.Id) ? throw new InvalidDataException("inspection rules: a rule has no id") : r.Id;
            var kind = Kinds.TryGetValue(r.Kind ?? string.Empty, out var k) ? k : throw new InvalidDataException($"inspection rules: {id} has an unknown kind '{r.Kind}'");
            if (new[] { r.TitleKo, r.TitleEn, r.DescriptionKo, r.DescriptionEn }.Any(string.IsNullOrWhiteSpace) || r.Controls is not { Length: > 0 })
            {
                throw new InvalidDataException($"inspection rules: {id} needs titles and descriptions in Korean and English and at least one control");
            }

            var parameters = new Dictionary<string, double>(r.Parameters ?? [], StringComparer.Ordinal);
            if (Required[kind].FirstOrDefault(p => !parameters.ContainsKey(p) || parameters[p] < 0) is { } missing)
            {
                throw new InvalidDataException($"inspection rules: {id} needs a non-negative parameter {missing}");
            }

            if (rules.Any(x => x.Id == id))
            {
                throw new InvalidDataException($"inspection rules: {id} appears twice");
            }

            rules.Add(new InspectionRule(id, kind, r.TitleKo!, r.TitleEn!, r.DescriptionKo!, r.DescriptionEn!, r.Controls, parameters));
        }

        return new InspectionRules(file.Version ?? throw new InvalidDataException("inspection rules: no version"), rules);
    }

    private static readonly Dictionary<string, InspectionKind> Kinds = Enum.GetValues<InspectionKind>().ToDictionary(Wire, k => k, StringComparer.Ordinal);

    /// <summary>The kind as written in the file: <c>DownloadWithoutReason</c> → <c>download-without-reason</c>.</summary>
    public static string Wire(InspectionKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));

    private sealed record FileDto(string? Version, RuleDto[]? Rules);

    private sealed record RuleDto(
        string? Id, string? Kind, string? TitleKo, string? TitleEn, string? DescriptionKo, string? DescriptionEn,
        string[]? Controls, Dictionary<string, double>? Parameters);
}
