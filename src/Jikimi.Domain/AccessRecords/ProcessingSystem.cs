using System.Net;
using Jikimi.Domain.Common;

namespace Jikimi.Domain.AccessRecords;

/// <summary>The facts about a system that decide how long its access records are kept (제8조①).</summary>
public sealed record RetentionFacts(long DataSubjects, bool UniqueIdentifiers, bool SensitiveData, bool TelecomCarrier, int? LongerRetentionMonths);

/// <summary>A ground that applies to a system, with its provision.</summary>
public sealed record AppliedGround(string Key, string BasisKo, string BasisEn);

/// <summary>The legal minimum on one day: years, the rule set read and the grounds that apply.</summary>
public sealed record RetentionDecision(int LegalYears, string RuleSetId, IReadOnlyList<AppliedGround> Grounds, int? LongerMonths)
{
    /// <summary>The period kept: the legal minimum or the organization's longer period.</summary>
    public int Months => Math.Max(LegalYears * 12, LongerMonths ?? 0);
}

/// <summary>
/// A personal-information processing system (개인정보처리시스템) whose access records the organization keeps and
/// inspects (2.9.4, 2.9.5). It holds the retention facts and how its log is read (a reader kind and a field mapping,
/// checked by the reader's own parser in Application, since the readers live in Jikimi.Privacy).
/// </summary>
public sealed class ProcessingSystem : ITenantOwned
{
    public const int NameMax = 200;
    public const int MappingMax = 8000;
    public const int AllowedSourcesMax = 2000;
    public const int MaxLongerRetentionMonths = 120;

    private ProcessingSystem()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string? Owner { get; private set; }
    public long DataSubjects { get; private set; }
    public bool UniqueIdentifiers { get; private set; }
    public bool SensitiveData { get; private set; }

    /// <summary>The controller is a 기간통신사업자 (a facilities-based telecom carrier).</summary>
    public bool TelecomCarrier { get; private set; }

    /// <summary>The organization's own period when it keeps records longer than the law asks; null = the legal minimum.</summary>
    public int? LongerRetentionMonths { get; private set; }

    /// <summary>The reader kind (wire name, e.g. <c>csv</c>, <c>syslog-5424</c>); null until the log format is set.</summary>
    public string? Format { get; private set; }

    /// <summary>The field mapping as JSON (the five required items and the optional ones).</summary>
    public string? Mapping { get; private set; }

    /// <summary>Source ranges (CIDR, comma-separated) from which access is expected; empty = no range check.</summary>
    public string? AllowedSources { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public Guid CreatedBy { get; private set; }
    public int Version { get; private set; }

    public RetentionFacts Facts => new(DataSubjects, UniqueIdentifiers, SensitiveData, TelecomCarrier, LongerRetentionMonths);

    public static Result<ProcessingSystem> Create(Guid organizationId, string? name, string? owner, RetentionFacts facts, string? allowedSources, Guid by, DateTime now)
    {
        var system = new ProcessingSystem
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            CreatedAt = now,
            CreatedBy = by,
            Version = 0,
        };
        var changed = system.Update(name, owner, facts, allowedSources);
        return changed.Error is { } e ? e : system;
    }

    /// <summary>Changes the name, owner, retention facts and allowed ranges.</summary>
    public Result Update(string? name, string? owner, RetentionFacts facts, string? allowedSources)
    {
        var n = Text.Required("name", name, NameMax);
        var o = Text.Optional("owner", owner, NameMax);
        if ((n.Error ?? o.Error) is { } e)
        {
            return e;
        }

        if (facts.DataSubjects < 0)
        {
            return new Invalid("dataSubjects", "dataSubjects cannot be negative.");
        }

        if (facts.LongerRetentionMonths is { } m && (m < 12 || m > MaxLongerRetentionMonths))
        {
            return new Invalid("longerRetentionMonths", $"longerRetentionMonths must lie between 12 and {MaxLongerRetentionMonths}.");
        }

        var ranges = NormalizeRanges(allowedSources);
        if (ranges.Error is { } re)
        {
            return re;
        }

        Name = n.Value!;
        Owner = o.Value;
        DataSubjects = facts.DataSubjects;
        UniqueIdentifiers = facts.UniqueIdentifiers;
        SensitiveData = facts.SensitiveData;
        TelecomCarrier = facts.TelecomCarrier;
        LongerRetentionMonths = facts.LongerRetentionMonths;
        AllowedSources = ranges.Value;
        Version++;
        return Result.Ok;
    }

    /// <summary>Sets how the log is read; the caller has parsed the mapping with the reader of that format.</summary>
    public Result SetFormat(string format, string mappingJson)
    {
        if (string.IsNullOrWhiteSpace(format) || format.Length > 40)
        {
            return new Invalid("format", "format is required.");
        }

        if (mappingJson.Length > MappingMax)
        {
            return new Invalid("mapping", $"The mapping may hold at most {MappingMax} characters.");
        }

        Format = format;
        Mapping = mappingJson;
        Version++;
        return Result.Ok;
    }

    /// <summary>The legal minimum in force on <paramref name="asOf"/>, with the grounds that apply.</summary>
    public Result<RetentionDecision> Retention(AccessRecordRetentionRules rules, DateOnly asOf) => Decide(rules, Facts, asOf);

    public static Result<RetentionDecision> Decide(AccessRecordRetentionRules rules, RetentionFacts facts, DateOnly asOf)
    {
        var set = rules.For(asOf);
        if (set is null)
        {
            return new AccessRecordNoRule(asOf);
        }

        var grounds = new List<AppliedGround>();
        void Apply(string key, bool holds)
        {
            if (holds && set.Grounds.TryGetValue(key, out var g))
            {
                grounds.Add(new AppliedGround(key, g.BasisKo, g.BasisEn));
            }
        }

        Apply("data-subjects", facts.DataSubjects >= set.DataSubjectsThreshold);
        Apply("unique-or-sensitive", facts.UniqueIdentifiers || facts.SensitiveData);
        Apply("telecom-carrier", facts.TelecomCarrier);
        var years = grounds.Count > 0 ? set.ExtendedYears : set.BaseYears;
        if (grounds.Count == 0)
        {
            var b = set.Grounds["base"];
            grounds.Add(new AppliedGround("base", b.BasisKo, b.BasisEn));
        }

        return new RetentionDecision(years, set.Id, grounds, facts.LongerRetentionMonths);
    }

    /// <summary>
    /// The last day a record of <paramref name="recordDay"/> must be kept: the longer of the rule in force on its day
    /// and the rule in force today, or the organization's longer period. A day before every rule set keeps today's rule.
    /// </summary>
    public DateOnly KeepUntil(AccessRecordRetentionRules rules, DateOnly recordDay, DateOnly today)
    {
        var now = Retention(rules, today).Value;
        var then = Retention(rules, recordDay).Value;
        var months = Math.Max(now?.Months ?? 0, then?.Months ?? 0);
        if (months == 0)
        {
            // No rule covers either day: keep for the longest period the rules know rather than purge early.
            months = Math.Max(rules.Sets[^1].ExtendedYears * 12, LongerRetentionMonths ?? 0);
        }

        return recordDay.AddMonths(months);
    }

    /// <summary>Purging a day is allowed only once its retention has passed.</summary>
    public bool MayPurge(AccessRecordRetentionRules rules, DateOnly recordDay, DateOnly today) => today > KeepUntil(rules, recordDay, today);

    private static Result<string?> NormalizeRanges(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (string?)null;
        }

        if (text.Length > AllowedSourcesMax)
        {
            return new Invalid("allowedSources", $"allowedSources may hold at most {AllowedSourcesMax} characters.");
        }

        var parts = text.Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var kept = new List<string>(parts.Length);
        foreach (var p in parts)
        {
            if (!IPNetwork.TryParse(p, out var network) && !(IPAddress.TryParse(p, out var single) && IPNetwork.TryParse($"{single}/{(single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32)}", out network)))
            {
                return new Invalid("allowedSources", $"'{p}' is not an address or a CIDR range (e.g. 10.0.0.0/8).");
            }

            kept.Add(network.ToString());
        }

        return (string?)string.Join(',', kept.Distinct(StringComparer.Ordinal));
    }
}

public sealed record AccessRecordNoRule(DateOnly Day) : RuleError("access_records.no_rule", $"No retention rule is known for {Day:yyyy-MM-dd}.");
