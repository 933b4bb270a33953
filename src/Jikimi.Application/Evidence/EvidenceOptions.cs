using System.ComponentModel.DataAnnotations;

namespace Jikimi.Application.Evidence;

/// <summary>Evidence settings (section "Evidence"), validated at start.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>Largest accepted file; bigger uploads get 413 and nothing is stored. Default 100 MB.</summary>
    [Range(1024, 10L * 1024 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>"filesystem" (default: content-addressed files under Directory) or "database" (several app nodes on PostgreSQL).</summary>
    [RegularExpression("^(filesystem|database)$")]
    public string Store { get; set; } = "filesystem";

    /// <summary>Folder of the filesystem store; default &lt;data&gt;/evidence.</summary>
    public string? Directory { get; set; }
}
