using Jikimi.Application.Audits;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Cloud;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Cloud;

public sealed record ProviderCertificateRequest(
    string? Kind, string? Number, string? Issuer, string? ScopeServices, string? ScopeRegions,
    DateOnly? IssuedOn, DateOnly? ExpiresOn, int? ControlsCovered, Guid? EvidenceId, string? Provider = null);

/// <summary>
/// Records a provider's certificate: instance-wide (an instance administrator, <see cref="HandleInstance"/>) or as
/// one organization's own record that overrides the instance-wide one (a compliance manager, <see cref="Handle"/>).
/// An unknown provider, reversed dates or a validity overlapping another certificate of the same kind are refused
/// and nothing is written.
/// </summary>
public sealed class RecordProviderCertificate(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<CertificateView>> HandleInstance(Actor actor, string providerKey, ProviderCertificateRequest req, CancellationToken ct)
    {
        if (!actor.IsSystemAdministrator)
        {
            return new SystemAdministratorOnly();
        }

        return await Record(null, actor, providerKey, req, ct);
    }

    public async Task<Result<CertificateView>> Handle(OrgAccess access, string providerKey, ProviderCertificateRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "record provider certificates").Error is { } denied)
        {
            return denied;
        }

        if (req.EvidenceId is { } evidenceId && !await db.Evidence.AnyAsync(e => e.Id == evidenceId, ct))
        {
            return new NotFound("evidence", evidenceId.ToString());
        }

        return await Record(access.OrganizationId, access.Actor, providerKey, req, ct);
    }

    private async Task<Result<CertificateView>> Record(Guid? organizationId, Actor actor, string providerKey, ProviderCertificateRequest req, CancellationToken ct)
    {
        var provider = await CloudDirectory.FindAsync(db, providerKey, ct);
        if (provider is null)
        {
            return new UnknownProvider(providerKey);
        }

        var created = ProviderCertificate.Create(organizationId, provider.Key, req.Kind, req.Number, req.Issuer, req.ScopeServices, req.ScopeRegions,
            req.IssuedOn, req.ExpiresOn, req.ControlsCovered, req.EvidenceId, clock.GetUtcNow().UtcDateTime);
        if (created.Error is { } e)
        {
            return e;
        }

        var c = created.Value!;
        var siblings = await db.ProviderCertificates.Where(x => x.ProviderKey == c.ProviderKey && x.Kind == c.Kind && x.OrganizationId == organizationId).ToListAsync(ct);
        if (siblings.FirstOrDefault(c.Overlaps) is { } other)
        {
            return new ValidityOverlaps(provider.NameEn, c.Kind, other.Number, other.IssuedOn!.Value, other.ExpiresOn!.Value);
        }

        db.ProviderCertificates.Add(c);
        audit.Record(organizationId, actor, AuditActions.ProviderCertificateRecorded, "provider-certificate", c.Id, new { c.ProviderKey, c.Kind, c.Number, c.IssuedOn, c.ExpiresOn });
        var saved = await audit.SaveAsync(ct, "provider certificate");
        return saved.Error is { } se ? se : CloudDirectory.View(c, AuditScope.Today(clock));
    }
}
