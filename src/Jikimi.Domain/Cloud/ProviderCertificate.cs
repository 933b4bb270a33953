using Jikimi.Catalog;
using Jikimi.Domain.Common;

namespace Jikimi.Domain.Cloud;

/// <summary>
/// A certificate a cloud provider holds (ISMS, ISMS-P, CSAP, ISO/IEC 27001/27017/27018/27701, SOC 2). Instance-wide
/// when <see cref="OrganizationId"/> is null (one record, many organizations; only instance administrators write
/// it); an organization's own record of the same provider and kind overrides the instance-wide ones for it, and may
/// point at the certificate file held as that organization's evidence.
/// </summary>
public sealed class ProviderCertificate
{
    private ProviderCertificate()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Null: instance-wide. Otherwise the organization whose own record this is.</summary>
    public Guid? OrganizationId { get; private set; }

    public string ProviderKey { get; private set; } = string.Empty;
    public string Kind { get; private set; } = string.Empty;
    public string? Number { get; private set; }
    public string? Issuer { get; private set; }
    public string? ScopeServices { get; private set; }
    public string? ScopeRegions { get; private set; }
    public DateOnly? IssuedOn { get; private set; }
    public DateOnly? ExpiresOn { get; private set; }

    /// <summary>How many controls the certificate covers (e.g. ISMS: 80), as printed on it.</summary>
    public int? ControlsCovered { get; private set; }

    /// <summary>The certificate file: an evidence item of <see cref="OrganizationId"/> (organization records only).</summary>
    public Guid? EvidenceId { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public int Version { get; private set; }

    public static Result<ProviderCertificate> Create(
        Guid? organizationId, string providerKey, string? kind, string? number, string? issuer, string? scopeServices, string? scopeRegions,
        DateOnly? issuedOn, DateOnly? expiresOn, int? controlsCovered, Guid? evidenceId, DateTime now)
    {
        var k = kind?.Trim().ToLowerInvariant() ?? string.Empty;
        if (!CriteriaCatalog.AttestationKinds.Contains(k))
        {
            return new Invalid("kind", $"kind must be one of {string.Join(", ", CriteriaCatalog.AttestationKinds)}.");
        }

        var n = Text.Optional("number", number, 100);
        var i = Text.Optional("issuer", issuer, 200);
        var s = Text.Optional("scopeServices", scopeServices, 2000);
        var r = Text.Optional("scopeRegions", scopeRegions, 500);
        if ((n.Error ?? i.Error ?? s.Error ?? r.Error) is { } e)
        {
            return e;
        }

        if (issuedOn is { } from && expiresOn is { } to && to < from)
        {
            return new ValidityReversed(from, to);
        }

        if (controlsCovered is < 1 or > 500)
        {
            return new Invalid("controlsCovered", "controlsCovered must be between 1 and 500.");
        }

        if (evidenceId is not null && organizationId is null)
        {
            return new Invalid("evidenceId", "An instance-wide certificate cannot point at one organization's evidence; record it for your organization instead.");
        }

        return new ProviderCertificate
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            ProviderKey = providerKey,
            Kind = k,
            Number = n.Value,
            Issuer = i.Value,
            ScopeServices = s.Value,
            ScopeRegions = r.Value,
            IssuedOn = issuedOn,
            ExpiresOn = expiresOn,
            ControlsCovered = controlsCovered,
            EvidenceId = evidenceId,
            CreatedAt = now,
        };
    }

    /// <summary>valid, expired, not-yet-valid, or undated (a record without both dates proves nothing yet).</summary>
    public string StatusOn(DateOnly today) => (IssuedOn, ExpiresOn) switch
    {
        ({ } from, { } to) when today < from => "not-yet-valid",
        ({ } from, { } to) when today > to => "expired",
        ({ }, { }) => "valid",
        _ => "undated",
    };

    public bool IsValidOn(DateOnly today) => StatusOn(today) == "valid";

    /// <summary>Two dated certificates of the same provider, kind and owner whose validity periods share a day.</summary>
    public bool Overlaps(ProviderCertificate other) =>
        other.Id != Id && other.ProviderKey == ProviderKey && other.Kind == Kind && other.OrganizationId == OrganizationId
        && IssuedOn is { } a1 && ExpiresOn is { } b1 && other.IssuedOn is { } a2 && other.ExpiresOn is { } b2
        && a1 <= b2 && a2 <= b1;
}
