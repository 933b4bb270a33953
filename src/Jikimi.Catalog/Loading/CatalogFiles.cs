using System.Reflection;

namespace Jikimi.Catalog.Loading;

/// <summary>Where catalog JSON files come from: the embedded copy (normal use) or a folder (tests, tooling).</summary>
public interface ICatalogFiles
{
    /// <summary>Relative paths with '/' separators, e.g. <c>isms-p-2023/controls/1.1.json</c>.</summary>
    IReadOnlyList<string> List();

    string Read(string path);
}

/// <summary>The catalogs embedded into this assembly at build time from the repository's <c>catalogs/</c>.</summary>
public sealed class EmbeddedCatalogFiles : ICatalogFiles
{
    private const string Prefix = "catalogs/";
    private static readonly Assembly Assembly = typeof(EmbeddedCatalogFiles).Assembly;

    public IReadOnlyList<string> List() =>
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..].Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public string Read(string path)
    {
        using var stream = Assembly.GetManifestResourceStream(Prefix + path)
            ?? throw new FileNotFoundException($"Embedded catalog file not found: {path}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>Catalog files in a folder laid out like the repository's <c>catalogs/</c>.</summary>
public sealed class DirectoryCatalogFiles(string root) : ICatalogFiles
{
    public IReadOnlyList<string> List() =>
        Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public string Read(string path) => File.ReadAllText(Path.Combine(root, path));
}
