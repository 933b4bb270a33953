using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Scope;

namespace Jikimi.Application.Scope;

public sealed record ScopeItemView(Guid Id, string Kind, string Name, string? Description, string? Provider, string? Region, string? Reference, DateOnly? ValidUntil);

public sealed record ScopeView(string Certification, string Edition, string? Description, string? MethodsAndProcedures, int Version, DateTime UpdatedAt, IReadOnlyList<ScopeItemView> Items);

internal static class ScopeMapping
{
    public static string ToWire(this ScopeItemKind k) => k switch
    {
        ScopeItemKind.InformationSystem => "information-system",
        ScopeItemKind.CloudService => "cloud-service",
        ScopeItemKind.MajorFacility => "major-facility",
        ScopeItemKind.SystemDiagram => "system-diagram",
        ScopeItemKind.MajorDocument => "major-document",
        ScopeItemKind.OtherCertification => "other-certification",
        _ => k.ToString().ToLowerInvariant(),
    };

    public static bool TryParseKind(string? s, out ScopeItemKind kind)
    {
        foreach (var k in Enum.GetValues<ScopeItemKind>())
        {
            if (string.Equals(k.ToWire(), s?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static ScopeItemView View(ScopeItem i) => new(i.Id, i.Kind.ToWire(), i.Name, i.Description, i.Provider, i.Region, i.Reference, i.ValidUntil);
}
