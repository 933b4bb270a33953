namespace Jikimi.Catalog.Model;

/// <summary>
/// A pre-ISMS-P certification scheme known only in outline (K-PIMS): its editions with their item counts, each
/// count with its source and confidence, and the sources tried. It has no item rows: no public source gave the
/// item ids and titles, and titles are never invented.
/// </summary>
public sealed record LegacyScheme(
    string Id,
    LocalizedText Name,
    LocalizedText Note,
    IReadOnlyList<LegacySchemeEdition> Editions,
    IReadOnlyList<string> SourcesTried);

/// <param name="Confidence">"S" (secondary source) or "M" (unverified), as for catalog titles.</param>
public sealed record LegacySchemeEdition(
    string Id,
    LocalizedText Name,
    DateOnly? EffectiveFrom,
    DateOnly? EffectiveTo,
    int ItemCount,
    string CountSource,
    string Confidence,
    LocalizedText Structure,
    string StructureConfidence);
