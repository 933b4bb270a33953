namespace Jikimi.Catalog.Loading;

/// <summary>One thing wrong with a catalog file: which file, which id (if any) and what.</summary>
public sealed record CatalogProblem(string File, string? Id, string Message)
{
    public override string ToString() => Id is null ? $"{File}: {Message}" : $"{File}: {Id}: {Message}";
}

/// <summary>Thrown when the built-in catalogs are broken: a build defect, never user input.</summary>
public sealed class CatalogValidationException(IReadOnlyList<CatalogProblem> problems)
    : Exception("The criteria catalogs are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<CatalogProblem> Problems { get; } = problems;
}
