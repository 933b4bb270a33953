using Jikimi.Application.Audits;
using Jikimi.Application.Common;
using Jikimi.Application.Data;

namespace Jikimi.Application.Cloud;

public sealed record CloudProviderView(string Key, string NameKo, string NameEn, IReadOnlyList<string> Regions, bool Shipped, IReadOnlyList<CertificateView> Certificates);

/// <summary>The instance-wide providers and their instance-wide certificates (any signed-in user).</summary>
public sealed class ListCloudProviders(JikimiDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<CloudProviderView>> Handle(Actor actor, CancellationToken ct)
    {
        _ = actor;
        var certs = await CloudDirectory.CertificatesAsync(db, null, AuditScope.Today(clock), ct);
        return (await CloudDirectory.ProvidersAsync(db, ct))
            .Select(p => new CloudProviderView(p.Key, p.NameKo, p.NameEn, p.Regions, p.Shipped, certs.Where(c => c.ProviderKey == p.Key).ToList()))
            .ToList();
    }
}
