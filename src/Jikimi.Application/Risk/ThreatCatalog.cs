using System.Text.Json;

namespace Jikimi.Application.Risk;

public sealed record CatalogThreat(string Id, string Category, string Ko, string En);

/// <summary>Jikimi's seeded threat list (Risk/threats.json, embedded), validated when first read.</summary>
public static class ThreatCatalog
{
    private static readonly Lazy<IReadOnlyList<CatalogThreat>> Loaded = new(Load);

    public static IReadOnlyList<CatalogThreat> All => Loaded.Value;

    private static IReadOnlyList<CatalogThreat> Load()
    {
        using var stream = typeof(ThreatCatalog).Assembly.GetManifestResourceStream("risk/threats.json")
            ?? throw new InvalidOperationException("The threat catalog is not embedded.");
        using var doc = JsonDocument.Parse(stream);
        var list = doc.RootElement.GetProperty("threats").EnumerateArray()
            .Select(t => new CatalogThreat(t.GetProperty("id").GetString()!, t.GetProperty("category").GetString()!, t.GetProperty("ko").GetString()!, t.GetProperty("en").GetString()!))
            .ToList();
        if (list.Count == 0 || list.Select(t => t.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count() != list.Count || list.Any(t => t.Ko.Length == 0 || t.En.Length == 0))
        {
            throw new InvalidOperationException("The threat catalog needs unique ids and both languages for every threat.");
        }

        return list;
    }
}
