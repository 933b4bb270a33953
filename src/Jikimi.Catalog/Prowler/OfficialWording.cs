using Jikimi.Catalog.Model;

namespace Jikimi.Catalog.Prowler;

/// <summary>
/// The official wording of one control as published in a Prowler compliance file (Apache-2.0): criterion,
/// check items (AuditChecklist), evidence examples, defect cases, related regulations and AWS check ids.
/// Kept apart from Jikimi's own texts and always shown with its source.
/// </summary>
public sealed record OfficialWording(
    string ControlId,
    string Name,
    string Description,
    IReadOnlyList<string> CheckItems,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<string> DefectCases,
    IReadOnlyList<string> RelatedRegulations,
    IReadOnlyList<string> AwsChecks);

/// <summary>One imported layer: one language of one Prowler file, overlaid on the 2023 edition.</summary>
public sealed record OfficialWordingLayer(
    string Source,
    string Framework,
    string Version,
    string Provider,
    Language Language,
    string FileName,
    string Sha256,
    DateTimeOffset ImportedAt,
    IReadOnlyDictionary<string, OfficialWording> Controls)
{
    public const string Label = "Official wording imported from Prowler (prowler-cloud/prowler, Apache-2.0)";
    public const string LabelKo = "공식 문구 (Prowler 규정 파일에서 가져옴, Apache-2.0)";
}
