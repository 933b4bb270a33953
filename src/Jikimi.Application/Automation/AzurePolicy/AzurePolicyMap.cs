using System.Text.Json;
using Jikimi.Catalog.Model;

namespace Jikimi.Application.Automation.AzurePolicy;

/// <summary>One policy definition of the initiative: its display name and the group ids it counts for.</summary>
public sealed record AzurePolicyDefinition(string Id, string DisplayName, IReadOnlyList<string> Groups);

/// <summary>
/// Microsoft's "K ISMS P 2023" initiative as shipped (MIT, see README.md beside this file): the policy definitions
/// and the groups (<c>K_ISMS_P_2023_&lt;id&gt;</c>) they count for; and how a group name becomes a 2023 control.
/// </summary>
public sealed class AzurePolicyMap
{
    public const string GroupPrefix = "K_ISMS_P_2023_";
    private const string ResourceName = "automation/k-isms-p-2023-policy-map.json";
    private static readonly Lazy<AzurePolicyMap> Shipped = new(Load);
    private readonly Dictionary<string, AzurePolicyDefinition> _byId;

    private AzurePolicyMap(string initiativeId, string displayName, string version, IReadOnlyList<AzurePolicyDefinition> policies)
    {
        InitiativeId = initiativeId;
        DisplayName = displayName;
        Version = version;
        _byId = policies.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
    }

    public static AzurePolicyMap K2023 => Shipped.Value;

    /// <summary>The policy set definition's name (a GUID).</summary>
    public string InitiativeId { get; }

    public string DisplayName { get; }

    public string Version { get; }

    public int Policies => _byId.Count;

    /// <summary>The definition by its GUID or its full resource id (…/policyDefinitions/&lt;guid&gt;).</summary>
    public AzurePolicyDefinition? Find(string? definitionId) =>
        string.IsNullOrWhiteSpace(definitionId) ? null : _byId.GetValueOrDefault(LastSegment(definitionId));

    /// <summary>The last segment of an Azure resource id (or the text itself).</summary>
    public static string LastSegment(string id) => id.TrimEnd('/').Split('/')[^1].Trim();

    /// <summary>
    /// The group's 2023 control, or why there is none: <c>domain-group</c> (a sub-domain group such as 2.5),
    /// <c>not-in-2023</c> (an id the 2023 edition does not have, e.g. the 2018 control 3.4.3). Split ids
    /// (2.7.1b, 2.9.2a) count for their control.
    /// </summary>
    public static (Control? Control, string? Reason) Resolve(string group, Edition edition)
    {
        var id = group.Trim();
        id = id.StartsWith(GroupPrefix, StringComparison.OrdinalIgnoreCase) ? id[GroupPrefix.Length..] : id;
        id = id.Length > 1 && char.IsAsciiLetterLower(id[^1]) && char.IsAsciiDigit(id[^2]) ? id[..^1] : id;
        if (edition.Find(id) is { } control)
        {
            return (control, null);
        }

        var isGroup = edition.Subdomains.Any(s => s.Id == id) || edition.Domains.Any(d => d.Id == id || d.Id + ".0" == id) || (id.Count(ch => ch == '.') == 1 && id.EndsWith(".0", StringComparison.Ordinal));
        return (null, isGroup ? AzurePolicyUnmapped.DomainGroup : AzurePolicyUnmapped.NotIn2023);
    }

    private static AzurePolicyMap Load()
    {
        using var stream = typeof(AzurePolicyMap).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var policies = root.GetProperty("policies").EnumerateArray().Select(p => new AzurePolicyDefinition(
                p.GetProperty("id").GetString()!,
                p.GetProperty("displayName").GetString() ?? string.Empty,
                p.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!).ToList()))
            .ToList();
        return new AzurePolicyMap(root.GetProperty("id").GetString()!, root.GetProperty("displayName").GetString()!, root.GetProperty("version").GetString()!, policies);
    }
}
