using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Assets;

public sealed record AssetInUse(string Code) : ConflictError("asset.in_use", $"Asset '{Code}' has risks in a risk assessment; it stays for the record.");

/// <summary>Removes an asset that no risk refers to.</summary>
public sealed class DeleteAsset(JikimiDb db, AuditWriter audit)
{
    public async Task<Result> Handle(OrgAccess access, Guid id, CancellationToken ct)
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

        if (await db.Set<AssessedRisk>().AnyAsync(r => r.AssetId == id, ct))
        {
            return new AssetInUse(asset.Code);
        }

        db.Remove(asset);
        audit.Record(access, AuditActions.AssetDeleted, "asset", asset.Id, new { assetId = asset.Code });
        return await audit.SaveAsync(ct, "asset");
    }
}
