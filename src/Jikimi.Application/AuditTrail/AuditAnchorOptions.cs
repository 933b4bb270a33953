using System.ComponentModel.DataAnnotations;

namespace Jikimi.Application.AuditTrail;

/// <summary>Where and how often the audit chains' heads are anchored outside the database (section "AuditAnchors", ADR 0052).</summary>
public sealed class AuditAnchorOptions
{
    public const string Section = "AuditAnchors";

    /// <summary>Largest anchor file verify reads (one line per chain: ~200 bytes per organization).</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The anchor folder; empty = &lt;data&gt;/anchors. Put it on a different disk, a different host's mount or WORM
    /// storage (S3 Object Lock, a write-once share): whoever can rewrite it can hide a truncation.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>Anchor on this schedule (and after every report or export); the server also anchors once at start.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Turn off scheduled and per-export anchoring (verify still checks the anchors that exist).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Key ids (SHA-256 of the public key, hex) whose anchors verify accepts. Empty = every key this installation
    /// registered in its system audit chain; pinning them here means a forged key row in the database cannot sign.
    /// </summary>
    public string[] TrustedKeyIds { get; set; } = [];

    public string DirectoryFor(string dataDirectory) =>
        string.IsNullOrWhiteSpace(Directory) ? Path.Combine(dataDirectory, "anchors") : Path.GetFullPath(Directory);
}
