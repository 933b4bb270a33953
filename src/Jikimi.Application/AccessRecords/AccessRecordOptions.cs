using System.ComponentModel.DataAnnotations;

namespace Jikimi.Application.AccessRecords;

/// <summary>Where access-record segments are kept and how large one ingest may be (section "AccessRecords", ADR 0054).</summary>
public sealed class AccessRecordOptions
{
    public const string Section = "AccessRecords";

    /// <summary>The segment folder; empty = &lt;data&gt;/access-records.</summary>
    public string? Directory { get; set; }

    /// <summary>Largest raw input of one ingest (one upload, one file of <c>logs ingest</c>, one NDJSON request).</summary>
    [Range(1024L, 64L * 1024 * 1024 * 1024)]
    public long MaxIngestBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    public string DirectoryFor(string dataDirectory) =>
        string.IsNullOrWhiteSpace(Directory) ? Path.Combine(dataDirectory, "access-records") : Path.GetFullPath(Directory);
}
