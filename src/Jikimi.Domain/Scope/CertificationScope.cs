using Jikimi.Catalog.Model;
using Jikimi.Domain.Common;

namespace Jikimi.Domain.Scope;

/// <summary>
/// What an organization certifies: ISMS or ISMS-P, the criteria edition, and the contents of the application
/// statement (정보보호 관리체계 명세서: scope, major ICT facilities and system diagrams, major documents, other
/// certifications held). One per organization; the items are <see cref="ScopeItem"/>s.
/// </summary>
public sealed class CertificationScope : ITenantOwned
{
    private CertificationScope()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Catalog.Model.Certification Certification { get; private set; }
    public string Edition { get; private set; } = EditionId.IsmsP2023.Value;
    public string? Description { get; private set; }
    public string? MethodsAndProcedures { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static CertificationScope CreateDefault(Guid organizationId, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = organizationId,
        Certification = Catalog.Model.Certification.IsmsP,
        UpdatedAt = now,
    };

    public Result Update(Catalog.Model.Certification certification, string edition, string? description, string? methods, DateTime now)
    {
        if (!EditionId.TryParse(edition, out var e))
        {
            return new Invalid("edition", $"Unknown criteria edition '{edition}'.");
        }

        var d = Text.Optional("description", description, 20_000);
        var m = Text.Optional("methodsAndProcedures", methods, 20_000);
        if ((d.Error ?? m.Error) is { } err)
        {
            return err;
        }

        Certification = certification;
        Edition = e.Value;
        Description = d.Value;
        MethodsAndProcedures = m.Value;
        UpdatedAt = now;
        Version++;
        return Result.Ok;
    }
}

/// <summary>The kinds of things listed in a scope.</summary>
public enum ScopeItemKind
{
    Service,
    InformationSystem,
    Site,
    CloudService,
    MajorFacility,
    SystemDiagram,
    MajorDocument,
    OtherCertification,
}

/// <summary>One service, system, site, cloud service, facility, diagram, document or held certification in scope.</summary>
public sealed class ScopeItem : ITenantOwned
{
    private ScopeItem()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public ScopeItemKind Kind { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string? Description { get; private set; }

    /// <summary>Cloud provider, facility owner or certification body.</summary>
    public string? Provider { get; private set; }

    /// <summary>Cloud region (e.g. Korea Central) or site address.</summary>
    public string? Region { get; private set; }

    /// <summary>Document number, certificate number or diagram reference.</summary>
    public string? Reference { get; private set; }

    public DateOnly? ValidUntil { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public static Result<ScopeItem> Create(Guid organizationId, ScopeItemKind kind, string? name, string? description, string? provider, string? region, string? reference, DateOnly? validUntil, DateTime now)
    {
        var item = new ScopeItem { Id = Guid.NewGuid(), OrganizationId = organizationId, Kind = kind };
        var r = item.Update(name, description, provider, region, reference, validUntil, now);
        return r.Error is { } e ? e : item;
    }

    public Result Update(string? name, string? description, string? provider, string? region, string? reference, DateOnly? validUntil, DateTime now)
    {
        var n = Text.Required("name", name, 300);
        var d = Text.Optional("description", description, 4000);
        var p = Text.Optional("provider", provider, 200);
        var rg = Text.Optional("region", region, 200);
        var rf = Text.Optional("reference", reference, 200);
        if ((n.Error ?? d.Error ?? p.Error ?? rg.Error ?? rf.Error) is { } err)
        {
            return err;
        }

        Name = n.Value!;
        Description = d.Value;
        Provider = p.Value;
        Region = rg.Value;
        Reference = rf.Value;
        ValidUntil = validUntil;
        UpdatedAt = now;
        return Result.Ok;
    }
}
