using Jikimi.Application.Cloud;
using Jikimi.Catalog;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Admin;

/// <summary>
/// Instance administrators keep the providers and their instance-wide certificates (ADR 0047): one record serves every
/// organization declaring the provider. Anyone else gets 404, as if the page did not exist; the use cases check again.
/// </summary>
public sealed class CloudProvidersModel(ListCloudProviders list, RecordProviderCertificate record, AddCloudProvider add) : UiPage
{
    public IReadOnlyList<CloudProviderView> Providers { get; private set; } = [];

    public static IReadOnlyList<string> Kinds => [.. CriteriaCatalog.AttestationKinds];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Actor.IsSystemAdministrator)
        {
            return NotFound();
        }

        Providers = await list.Handle(Actor, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCertificateAsync(string? provider, string? kind, string? number, string? issuer, string? scopeServices, string? scopeRegions,
        DateOnly? issuedOn, DateOnly? expiresOn, int? controlsCovered, CancellationToken ct)
    {
        var r = await record.HandleInstance(Actor, provider ?? string.Empty,
            new ProviderCertificateRequest(kind, Empty(number), Empty(issuer), Empty(scopeServices), Empty(scopeRegions), issuedOn, expiresOn, controlsCovered, null), ct);
        return r.Error is { } e ? Failed(e) : Done(L("인증서를 등록했습니다.", "Certificate recorded."));
    }

    public async Task<IActionResult> OnPostProviderAsync(string? key, string? nameKo, string? nameEn, string? regions, CancellationToken ct)
    {
        var r = await add.Handle(Actor, new AddCloudProviderRequest(key, nameKo, nameEn, Empty(regions)), ct);
        return r.Error is { } e ? Failed(e) : Done(L("제공자를 추가했습니다.", "Provider added."));
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
