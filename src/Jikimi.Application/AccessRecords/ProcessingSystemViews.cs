using Jikimi.Domain.AccessRecords;

namespace Jikimi.Application.AccessRecords;

public sealed record ProcessingSystemRequest(
    string? Name, string? Owner, long? DataSubjects, bool? UniqueIdentifiers, bool? SensitiveData, bool? TelecomCarrier,
    int? LongerRetentionMonths, string? AllowedSources, int? Version);

/// <summary>How a system's log is read: a reader kind and its mapping (JSON object; see docs/access-records.md).</summary>
public sealed record SetAccessLogFormatRequest(string? Format, System.Text.Json.JsonElement? Mapping, int? Version);

public sealed record GroundView(string Key, string BasisKo, string BasisEn);

/// <summary>The retention that applies today: legal years, the period kept, the rule set and the grounds.</summary>
public sealed record RetentionView(int LegalYears, int KeptMonths, string RuleSet, IReadOnlyList<GroundView> Grounds);

public sealed record ProcessingSystemView(
    Guid Id, string Name, string? Owner, long DataSubjects, bool UniqueIdentifiers, bool SensitiveData, bool TelecomCarrier,
    int? LongerRetentionMonths, string? AllowedSources, string? Format, System.Text.Json.JsonElement? Mapping, RetentionView? Retention, int Version)
{
    public static ProcessingSystemView Of(ProcessingSystem s, DateOnly today)
    {
        var r = s.Retention(AccessRecordRetentionRules.Embedded, today).Value;
        var retention = r is null ? null : new RetentionView(r.LegalYears, r.Months, r.RuleSetId, r.Grounds.Select(g => new GroundView(g.Key, g.BasisKo, g.BasisEn)).ToList());
        System.Text.Json.JsonElement? mapping = s.Mapping is null ? null : System.Text.Json.JsonDocument.Parse(s.Mapping).RootElement.Clone();
        return new(s.Id, s.Name, s.Owner, s.DataSubjects, s.UniqueIdentifiers, s.SensitiveData, s.TelecomCarrier, s.LongerRetentionMonths, s.AllowedSources, s.Format, mapping, retention, s.Version);
    }
}
