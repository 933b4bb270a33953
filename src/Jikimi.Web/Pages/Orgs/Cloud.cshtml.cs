using Jikimi.Application.Cloud;
using Jikimi.Domain.Organizations;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

/// <summary>
/// The organization's cloud usage (providers, service models, services, regions), the certificates it relies on with
/// their validity, and each in-scope control as inherited, shared or own (ADR 0046, 0062).
/// </summary>
public sealed class CloudModel(GetInheritance get, DeclareCloudUsage declare, ListCloudProviders providers, RecordProviderCertificate record) : OrgPage
{
    public static readonly string[] Models = ["iaas", "paas", "saas"];

    /// <summary>The certificate kinds the catalog knows (ProviderReader.Kinds).</summary>
    public static readonly string[] CertificateKinds = ["isms", "isms-p", "csap", "iso27001", "iso27017", "iso27018", "iso27701", "soc2"];

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

    /// <summary>The organization's own copy of a provider certificate: it overrides the instance-wide one for this organization only (ADR 0047).</summary>
    public async Task<IActionResult> OnPostCertificateAsync(string? provider, string? kind, string? number, string? issuer, string? scopeServices, string? scopeRegions, DateOnly? issuedOn, DateOnly? expiresOn, int? controlsCovered, CancellationToken ct)
    {
        var r = await record.Handle(Access, provider ?? string.Empty, new ProviderCertificateRequest(kind, Empty(number), Empty(issuer), Empty(scopeServices), Empty(scopeRegions), issuedOn, expiresOn, controlsCovered, null), ct);
        return r.Error is { } e ? Failed(e) : Done(L("조직의 인증서를 기록했습니다.", "The organization's certificate is recorded."));
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
