using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Cloud;
using Jikimi.Domain.Common;

namespace Jikimi.Application.Cloud;

public sealed record AddCloudProviderRequest(string? Key, string? NameKo, string? NameEn, string? Regions);

/// <summary>An instance administrator adds a provider (a Korean IDC, a regional cloud) beside the shipped ones.</summary>
public sealed class AddCloudProvider(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<ProviderInfo>> Handle(Actor actor, AddCloudProviderRequest req, CancellationToken ct)
    {
        if (!actor.IsSystemAdministrator)
        {
            return new SystemAdministratorOnly();
        }

        var created = CustomProvider.Create(req.Key, req.NameKo, req.NameEn, req.Regions, clock.GetUtcNow().UtcDateTime);
        if (created.Error is { } e)
        {
            return e;
        }

        var p = created.Value!;
        if (await CloudDirectory.FindAsync(db, p.Key, ct) is not null)
        {
            return new ProviderExists(p.Key);
        }

        db.CustomProviders.Add(p);
        audit.Record(null, actor, AuditActions.CloudProviderAdded, "cloud-provider", p.Id, new { p.Key });
        var saved = await audit.SaveAsync(ct, "cloud provider");
        return saved.Error is { } se ? se : (await CloudDirectory.FindAsync(db, p.Key, ct))!;
    }
}
