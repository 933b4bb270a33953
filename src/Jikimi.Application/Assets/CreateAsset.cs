using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Risk;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Assets;

/// <summary>Adds an asset to the inventory (1.2.1); asset ids are unique within the organization.</summary>
public sealed class CreateAsset(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<AssetView>> Handle(OrgAccess access, AssetRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "manage assets").Error is { } denied)
        {
            return denied;
        }

        var people = await OrgPeople.LoadAsync(db, ct);
        var data = AssetMapping.Data(req, people);
        if (data.Error is { } e)
        {
            return e;
        }

        var method = await CurrentMethod.OfAsync(db, ct);
        var created = Asset.Create(access.OrganizationId, data.Value!, method, clock.GetUtcNow().UtcDateTime);
        if (created.Error is { } ce)
        {
            return ce;
        }

        var asset = created.Value!;
        if (await db.Set<Asset>().AnyAsync(a => a.Code.ToLower() == asset.Code.ToLower(), ct))
        {
            return new AssetCodeTaken(asset.Code);
        }

        db.Add(asset);
        audit.Record(access, AuditActions.AssetCreated, "asset", asset.Id, new { assetId = asset.Code });
        var saved = await audit.SaveAsync(ct, "asset");
        return saved.Error is { } se ? se : AssetMapping.View(asset, method, people);
    }
}
