using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Risk;
using Jikimi.Domain.Common;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Assets;

/// <summary>Filters of the inventory; page is 1-based, pageSize at most 500.</summary>
public sealed record AssetFilter(string? Type = null, bool? InScope = null, bool? PersonalInfo = null, string? Search = null, int Page = 1, int PageSize = 50);

/// <summary>One page of the inventory in asset-id order (thousands of assets: the page is cut in the database).</summary>
public sealed class ListAssets(JikimiDb db)
{
    public const int MaxPageSize = 500;

    public async Task<Result<AssetPage>> Handle(OrgAccess access, AssetFilter filter, CancellationToken ct)
    {
        if (filter.Page < 1 || filter.PageSize is < 1 or > MaxPageSize)
        {
            return new Invalid("page", $"page starts at 1 and pageSize is 1–{MaxPageSize}.");
        }

        var q = db.Set<Asset>().AsNoTracking();
        if (filter.Type is { Length: > 0 } t)
        {
            if (!AssetTypes.TryParse(t, out var type))
            {
                return new Invalid("type", $"Unknown asset type '{t}'.");
            }

            q = q.Where(a => a.Type == type);
        }

        if (filter.InScope is { } inScope)
        {
            q = q.Where(a => a.InScope == inScope);
        }

        if (filter.PersonalInfo is { } pi)
        {
            q = q.Where(a => a.PersonalInfo == pi);
        }

        if (filter.Search?.Trim().ToLowerInvariant() is { Length: > 0 } s)
        {
            // Case-insensitive on both providers (PostgreSQL's LIKE/strpos are case-sensitive, SQLite's LIKE is not).
            q = q.Where(a => a.Code.ToLower().Contains(s) || a.Name.ToLower().Contains(s));
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(a => a.Code).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(ct);
        var method = await CurrentMethod.OfAsync(db, ct);
        var people = await OrgPeople.LoadAsync(db, ct);
        return new AssetPage(rows.Select(a => AssetMapping.View(a, method, people)).ToList(), total, filter.Page, filter.PageSize);
    }
}
