namespace Jikimi.Application.Assets;

/// <summary>
/// The asset inventory as a table of text cells, the shape shared by CSV and (later) XLSX: the readers and writers
/// at the edge only move cells; every rule lives in <see cref="ImportAssets"/>. Row numbers are as a spreadsheet
/// shows them (the header is row 1).
/// </summary>
public sealed record AssetSheet(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public const int MaxRows = 50_000;

    public static readonly string[] Required = ["assetId", "name", "type", "confidentiality", "integrity", "availability"];

    public static readonly string[] Optional = ["owner", "administrator", "location", "inScope", "personalInfo", "uniqueId"];

    /// <summary>Export order (also the template for import).</summary>
    public static readonly string[] All = ["assetId", "name", "type", "owner", "administrator", "location", "inScope", "confidentiality", "integrity", "availability", "personalInfo", "uniqueId"];
}
