using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Risk;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Assets;

/// <summary>Replaces an asset's fields; send the version you read (a stale one gets 409).</summary>
public sealed class UpdateAsset(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<AssetView>> Handle(OrgAccess access, Guid id, AssetRequest req, CancellationToken ct)
    {
        var asset = await db.Set<Asset>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (asset is null)
        {
            return new NotFound("asset", id.ToString());
        }

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

        var code = data.Value!.Code?.Trim();
        if (code is not null && !string.Equals(code, asset.Code, StringComparison.Ordinal) && await db.Set<Asset>().AnyAsync(a => a.Code.ToLower() == code.ToLower() && a.Id != id, ct))
        {
            return new AssetCodeTaken(code);
        }

        var method = await CurrentMethod.OfAsync(db, ct);
        db.Entry(asset).Property(a => a.Version).OriginalValue = req.Version;
        if (asset.Update(data.Value, method, clock.GetUtcNow().UtcDateTime).Error is { } ue)
        {
            return ue;
        }

        audit.Record(access, AuditActions.AssetUpdated, "asset", asset.Id, new { assetId = asset.Code });
        var saved = await audit.SaveAsync(ct, "asset");
        return saved.Error is { } se ? se : AssetMapping.View(asset, method, people);
    }
}
