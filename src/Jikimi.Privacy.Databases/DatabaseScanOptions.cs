namespace Jikimi.Privacy.Databases;

/// <summary>What to read from a database.</summary>
public sealed record DatabaseScanOptions
{
    /// <summary>Only these tables ("table" or "schema.table"); null = every table.</summary>
    public IReadOnlyList<string>? Tables { get; init; }

    /// <summary>Read at most this many rows per table (the first ones the database returns); null = full scan.</summary>
    public int? SampleRows { get; init; }
}

/// <summary>A column the scanner reads (text, or integers wide enough to hold an identifier).</summary>
public sealed record ScannedColumn(string Name, string DataType);

/// <summary>A table with its scanned columns.</summary>
public sealed record ScannedTable(string Schema, string Name, IReadOnlyList<ScannedColumn> Columns)
{
    public string QualifiedName => string.IsNullOrEmpty(Schema) ? Name : $"{Schema}.{Name}";

    public bool Matches(IReadOnlyList<string>? filter) =>
        filter is null || filter.Any(f => string.Equals(f, Name, StringComparison.OrdinalIgnoreCase) || string.Equals(f, QualifiedName, StringComparison.OrdinalIgnoreCase));
}
