namespace Jikimi.Catalog.Model;

/// <summary>
/// One 주요 확인사항 (key check item) of a control. <paramref name="BasedOn"/>: for a simplified set, the 별표 7
/// (2023) check item this one is taken from (e.g. 7-2 "2.3.1-3" is 2023 "2.4.2-1").
/// </summary>
public sealed record CheckItem(string Id, int Number, LocalizedText Text, string? BasedOn = null);

/// <summary>A certification criterion (인증기준 항목) of one edition.</summary>
public sealed class Control
{
    public required EditionId Edition { get; init; }
    public required string Id { get; init; }
    public required string DomainId { get; init; }
    public required string SubdomainId { get; init; }
    public required LocalizedText Title { get; init; }
    public required AppliesTo AppliesTo { get; init; }

    /// <summary>Criterion summary in Jikimi's own words; null for editions kept as titles only.</summary>
    public LocalizedText? Criterion { get; init; }

    public IReadOnlyList<CheckItem> CheckItems { get; init; } = [];
    public IReadOnlyList<LocalizedText> Evidence { get; init; } = [];
    public IReadOnlyList<LawReference> Laws { get; init; } = [];

    /// <summary>For simplified sets: the 별표 7 (2023) controls this one corresponds to.</summary>
    public IReadOnlyList<string> MapsTo { get; init; } = [];

    /// <summary>The official number of check items (equals CheckItems.Count where the texts are carried).</summary>
    public int CheckItemCount { get; init; }

    /// <summary>Source confidence of the title where it is not verified (S = secondary, M = unverified).</summary>
    public string? Confidence { get; init; }

    /// <summary>Where the id and title were checked (legacy editions record it per item).</summary>
    public string? Source { get; init; }

    public ControlRef Ref => new(Edition, Id);

    public override string ToString() => $"{Ref} {Title.Ko}";
}
