using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Risk;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Assets;

/// <summary>The whole inventory as an <see cref="AssetSheet"/> (owners by e-mail), ready to be imported again.</summary>
public sealed class ExportAssets(JikimiDb db)
{
    public async Task<AssetSheet> Handle(OrgAccess access, CancellationToken ct)
    {
        var people = await OrgPeople.LoadAsync(db, ct);
        var rows = await db.Set<Asset>().AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        static string YesNo(bool b) => b ? "Y" : "N";
        return new AssetSheet(AssetSheet.All, rows.Select(a => (IReadOnlyList<string>)
        [
            a.Code, a.Name, a.Type.ToWire(), people.EmailOf(a.OwnerUserId) ?? string.Empty, a.Administrator ?? string.Empty, a.Location ?? string.Empty,
            YesNo(a.InScope), Num(a.Confidentiality), Num(a.Integrity), Num(a.Availability), YesNo(a.PersonalInfo), YesNo(a.UniqueIdentifiers),
        ]).ToList());
    }

    private static string Num(int v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
