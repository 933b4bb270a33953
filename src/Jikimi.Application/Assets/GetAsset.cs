using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Risk;
using Jikimi.Domain.Common;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Assets;

public sealed class GetAsset(JikimiDb db)
{
    public async Task<Result<AssetView>> Handle(OrgAccess access, Guid id, CancellationToken ct)
    {
        var asset = await db.Set<Asset>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return asset is null
            ? new NotFound("asset", id.ToString())
            : AssetMapping.View(asset, await CurrentMethod.OfAsync(db, ct), await OrgPeople.LoadAsync(db, ct));
    }
}
