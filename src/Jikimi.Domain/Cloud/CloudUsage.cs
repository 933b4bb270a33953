using Jikimi.Catalog.Model;
using Jikimi.Domain.Common;

namespace Jikimi.Domain.Cloud;

/// <summary>A provider and service model the organization's certification scope runs on (e.g. Azure, IaaS).</summary>
public sealed class CloudUsage : ITenantOwned
{
    private CloudUsage()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string ProviderKey { get; private set; } = string.Empty;
    public ServiceModel ServiceModel { get; private set; }

    /// <summary>The services used under this model, as the organization names them (e.g. "VMs, Blob Storage").</summary>
    public string? Services { get; private set; }

    public string? Regions { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static Result<CloudUsage> Create(Guid organizationId, string providerKey, string? serviceModel, string? services, string? regions, DateTime now)
    {
        if (!TryParseModel(serviceModel, out var model))
        {
            return new Invalid("serviceModel", $"serviceModel '{serviceModel}' must be iaas, paas or saas.");
        }

        var s = Text.Optional("services", services, 1000);
        var r = Text.Optional("regions", regions, 500);
        if ((s.Error ?? r.Error) is { } e)
        {
            return e;
        }

        return new CloudUsage { Id = Guid.NewGuid(), OrganizationId = organizationId, ProviderKey = providerKey, ServiceModel = model, Services = s.Value, Regions = r.Value, CreatedAt = now };
    }

    public static bool TryParseModel(string? text, out ServiceModel model)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "iaas":
                model = ServiceModel.IaaS;
                return true;
            case "paas":
                model = ServiceModel.PaaS;
                return true;
            case "saas":
                model = ServiceModel.SaaS;
                return true;
            default:
                model = ServiceModel.IaaS;
                return false;
        }
    }
}

/// <summary>A provider an instance administrator added (a Korean IDC, a regional cloud), beside the shipped ones.</summary>
public sealed class CustomProvider
{
    private CustomProvider()
    {
    }

    public Guid Id { get; private set; }
    public string Key { get; private set; } = string.Empty;
    public string NameKo { get; private set; } = string.Empty;
    public string NameEn { get; private set; } = string.Empty;
    public string? Regions { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static Result<CustomProvider> Create(string? key, string? nameKo, string? nameEn, string? regions, DateTime now)
    {
        var k = key?.Trim().ToLowerInvariant() ?? string.Empty;
        if (k.Length is < 2 or > 40 || !k.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            return new Invalid("key", "key must be 2–40 lower-case letters, digits or dashes.");
        }

        var ko = Text.Required("nameKo", nameKo, 200);
        var en = Text.Required("nameEn", nameEn, 200);
        var r = Text.Optional("regions", regions, 500);
        if ((ko.Error ?? en.Error ?? r.Error) is { } e)
        {
            return e;
        }

        return new CustomProvider { Id = Guid.NewGuid(), Key = k, NameKo = ko.Value!, NameEn = en.Value!, Regions = r.Value, CreatedAt = now };
    }
}
