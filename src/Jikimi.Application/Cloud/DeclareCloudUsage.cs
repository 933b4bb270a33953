using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Cloud;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Cloud;

public sealed record CloudUsageItem(string? Provider, string? ServiceModel, string? Services, string? Regions);

public sealed record DeclareCloudUsageRequest(IReadOnlyList<CloudUsageItem>? Usages);

public sealed record CloudUsageView(string Provider, string ServiceModel, string? Services, string? Regions);

/// <summary>
/// The organization declares which providers and service models its scope runs on (replacing the previous
/// declaration). One bad entry — unknown provider or model, a repeated pair — refuses the whole list.
/// </summary>
public sealed class DeclareCloudUsage(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<CloudUsageView>>> Handle(OrgAccess access, DeclareCloudUsageRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "declare cloud usage").Error is { } denied)
        {
            return denied;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var fresh = new List<CloudUsage>();
        foreach (var item in req.Usages ?? [])
        {
            var provider = await CloudDirectory.FindAsync(db, item.Provider, ct);
            if (provider is null)
            {
                return new UnknownProvider(item.Provider ?? string.Empty);
            }

            var usage = CloudUsage.Create(access.OrganizationId, provider.Key, item.ServiceModel, item.Services, item.Regions, now);
            if (usage.Error is { } e)
            {
                return e;
            }

            if (fresh.Any(u => u.ProviderKey == usage.Value!.ProviderKey && u.ServiceModel == usage.Value.ServiceModel))
            {
                return new Invalid("usages", $"{provider.Key} {item.ServiceModel} is listed twice.");
            }

            fresh.Add(usage.Value!);
        }

        db.CloudUsages.RemoveRange(await db.CloudUsages.ToListAsync(ct));
        db.CloudUsages.AddRange(fresh);
        audit.Record(access, AuditActions.CloudUsageDeclared, "organization", access.OrganizationId, new { usages = fresh.Select(u => $"{u.ProviderKey}:{u.ServiceModel}") });
        var saved = await audit.SaveAsync(ct, "cloud usage");
        return saved.Error is { } se ? se : Result<IReadOnlyList<CloudUsageView>>.From(Views(fresh));
    }

    public static IReadOnlyList<CloudUsageView> Views(IEnumerable<CloudUsage> usages) =>
        usages.OrderBy(u => u.ProviderKey, StringComparer.Ordinal).ThenBy(u => u.ServiceModel)
            .Select(u => new CloudUsageView(u.ProviderKey, u.ServiceModel.ToString().ToLowerInvariant(), u.Services, u.Regions)).ToList();
}
