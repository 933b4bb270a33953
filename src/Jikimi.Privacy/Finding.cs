namespace Jikimi.Privacy;

/// <summary>
/// Where a finding is. Files: path (and the entry inside an archive or document), 1-based line and column
/// (UTF-16 code units, as SARIF counts them) and the 0-based byte offset in the UTF-8 text. Databases: the
/// source, table, column and a row key; line, column and offset are then positions inside the cell.
/// </summary>
public sealed record Location
{
    public required string Path { get; init; }

    /// <summary>The part inside a container: "word/document.xml" in a .docx; null for plain files.</summary>
    public string? Entry { get; init; }

    public long Line { get; init; }

    public long Column { get; init; }

    public long Offset { get; init; }

    public string? Table { get; init; }

    public string? Field { get; init; }

    public string? RowKey { get; init; }

    /// <summary>A short place name for summaries: the file (with entry) or table.column.</summary>
    public string Place => Table is not null ? $"{Path} {Table}.{Field}" : Entry is null ? Path : $"{Path}!{Entry}";
}

/// <summary>
/// One piece of personal information found. Holds only the masked value and a keyed fingerprint: the raw value
/// never outlives the match that produced it.
/// </summary>
public sealed record Finding(PiiType Type, Confidence Confidence, Location Location, string Masked, string Fingerprint);
