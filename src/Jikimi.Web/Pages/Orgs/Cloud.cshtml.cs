using Jikimi.Application.Cloud;
using Jikimi.Domain.Organizations;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

/// <summary>
/// The organization's cloud usage (providers, service models, services, regions), the certificates it relies on with
/// their validity, and each in-scope control as inherited, shared or own (ADR 0046, 0062).
/// </summary>
public sealed class CloudModel(GetInheritance get, DeclareCloudUsage declare, ListCloudProviders providers) : OrgPage
{
    public static readonly string[] Models = ["iaas", "paas", "saas"];

    public InheritanceView? View { get; private set; }

    public IReadOnlyList<CloudProviderView> Providers { get; private set; } = [];

    public bool CanEdit => Role.CanManageWorkspace();

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    /// <summary>Adds one usage to the declared list (the use case replaces the whole list, so the current ones go along).</summary>
    public async Task<IActionResult> OnPostAddAsync(string? provider, string? serviceModel, string? services, string? regions, CancellationToken ct)
    {
        await Load(ct);
        var items = View!.Usages.Select(u => new CloudUsageItem(u.Provider, u.ServiceModel, u.Services, u.Regions))
            .Append(new CloudUsageItem(provider, serviceModel, Empty(services), Empty(regions))).ToList();
        var r = await declare.Handle(Access, new DeclareCloudUsageRequest(items), ct);
        return r.Error is { } e ? Failed(e) : Done(L("클라우드 사용을 추가했습니다.", "Cloud usage added."));
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? provider, string? serviceModel, CancellationToken ct)
    {
        await Load(ct);
        var items = View!.Usages.Where(u => !(u.Provider == provider && u.ServiceModel == serviceModel))
            .Select(u => new CloudUsageItem(u.Provider, u.ServiceModel, u.Services, u.Regions)).ToList();
        var r = await declare.Handle(Access, new DeclareCloudUsageRequest(items), ct);
        return r.Error is { } e ? Failed(e) : Done(L("삭제했습니다.", "Removed."));
    }

    public string ProviderName(string key) =>
        Providers.FirstOrDefault(p => p.Key == key) is { } p ? Lang.Pick(p.NameKo, p.NameEn) : key;

    private async Task Load(CancellationToken ct)
    {
        View = await get.Handle(Access, ct);
        Providers = await providers.Handle(Actor, ct);
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
