namespace Jikimi.Catalog.Prowler;

/// <summary>What an import matched, normalised, skipped, and why it failed (if it did).</summary>
public sealed class ProwlerImportReport
{
    public List<string> Errors { get; } = [];

    /// <summary>Ids that matched only after clean-up, e.g. "'2.4.5 ' → 2.4.5 (trailing space)".</summary>
    public List<string> Normalized { get; } = [];

    /// <summary>Requirement ids in the file that are not 2023 controls.</summary>
    public List<string> Unknown { get; } = [];

    /// <summary>2023 controls the file does not cover.</summary>
    public List<string> Missing { get; } = [];

    /// <summary>Controls whose official check-item count differs from the catalog's.</summary>
    public List<string> CountMismatches { get; } = [];

    public List<string> Duplicates { get; } = [];

    public int Matched { get; set; }

    public int AwsChecks { get; set; }

    public bool Succeeded => Errors.Count == 0;

    /// <summary>Anything a careful user should look at, even when the import succeeded.</summary>
    public bool HasFindings => Normalized.Count + Unknown.Count + Missing.Count + CountMismatches.Count + Duplicates.Count > 0;
}
