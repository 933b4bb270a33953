using Jikimi.Domain.Common;

namespace Jikimi.Domain.Risk;

/// <summary>Asset types of the inventory (1.2.1).</summary>
public enum AssetType
{
    Server = 0,
    Database = 1,
    NetworkDevice = 2,
    SecuritySystem = 3,
    Application = 4,
    PersonalInfoSystem = 5,
    CloudService = 6,
    Terminal = 7,
    Document = 8,
    Facility = 9,
    Person = 10,
}

public static class AssetTypes
{
    public static string ToWire(this AssetType t) => t switch
    {
        AssetType.Server => "server",
        AssetType.Database => "database",
        AssetType.NetworkDevice => "network-device",
        AssetType.SecuritySystem => "security-system",
        AssetType.Application => "application",
        AssetType.PersonalInfoSystem => "pii-system",
        AssetType.CloudService => "cloud-service",
        AssetType.Terminal => "terminal",
        AssetType.Document => "document",
        AssetType.Facility => "facility",
        _ => "person",
    };

    public static string TitleKo(this AssetType t) => t switch
    {
        AssetType.Server => "서버",
        AssetType.Database => "데이터베이스",
        AssetType.NetworkDevice => "네트워크 장비",
        AssetType.SecuritySystem => "정보보호시스템",
        AssetType.Application => "응용프로그램",
        AssetType.PersonalInfoSystem => "개인정보처리시스템",
        AssetType.CloudService => "클라우드 서비스",
        AssetType.Terminal => "PC·단말기",
        AssetType.Document => "문서",
        AssetType.Facility => "시설",
        _ => "인력",
    };

    public static bool TryParse(string? text, out AssetType type)
    {
        foreach (var t in Enum.GetValues<AssetType>())
        {
            var s = text?.Trim();
            if (string.Equals(t.ToWire(), s, StringComparison.OrdinalIgnoreCase) || string.Equals(t.TitleKo(), s, StringComparison.Ordinal))
            {
                type = t;
                return true;
            }
        }

        type = default;
        return false;
    }
}

/// <summary>What an asset says about itself; validated by <see cref="Asset"/>.</summary>
public sealed record AssetData(
    string? Code, string? Name, AssetType Type, Guid? OwnerUserId, string? Administrator, string? Location, bool InScope,
    int Confidentiality, int Integrity, int Availability, bool PersonalInfo, bool UniqueIdentifiers);

/// <summary>An information asset (정보자산) with its owner, C/I/A ratings and whether it processes personal data.</summary>
public sealed class Asset : ITenantOwned
{
    public const int CodeMax = 40;

    private Asset()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }

    /// <summary>The organization's own asset id (e.g. SRV-001), unique within it.</summary>
    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;
    public AssetType Type { get; private set; }
    public Guid? OwnerUserId { get; private set; }
    public string? Administrator { get; private set; }
    public string? Location { get; private set; }
    public bool InScope { get; private set; }
    public int Confidentiality { get; private set; }
    public int Integrity { get; private set; }
    public int Availability { get; private set; }
    public bool PersonalInfo { get; private set; }
    public bool UniqueIdentifiers { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static Result<Asset> Create(Guid organizationId, AssetData data, RiskMethod method, DateTime now)
    {
        var asset = new Asset { Id = Guid.NewGuid(), OrganizationId = organizationId };
        var r = asset.Apply(data, method, now);
        return r.Error is { } e ? e : asset;
    }

    public Result Update(AssetData data, RiskMethod method, DateTime now)
    {
        var r = Apply(data, method, now);
        if (r.IsSuccess)
        {
            Version++;
        }

        return r;
    }

    private Result Apply(AssetData d, RiskMethod method, DateTime now)
    {
        var code = Text.Required("assetId", d.Code, CodeMax);
        var name = Text.Required("name", d.Name, 200);
        var admin = Text.Optional("administrator", d.Administrator, 200);
        var location = Text.Optional("location", d.Location, 200);
        if ((code.Error ?? name.Error ?? admin.Error ?? location.Error) is { } e)
        {
            return e;
        }

        if (!Enum.IsDefined(d.Type))
        {
            return new Invalid("type", "Unknown asset type.");
        }

        if (method.CheckRatings(d.Confidentiality, d.Integrity, d.Availability).Error is { } re)
        {
            return re;
        }

        Code = code.Value!;
        Name = name.Value!;
        Type = d.Type;
        OwnerUserId = d.OwnerUserId;
        Administrator = admin.Value;
        Location = location.Value;
        InScope = d.InScope;
        Confidentiality = d.Confidentiality;
        Integrity = d.Integrity;
        Availability = d.Availability;
        PersonalInfo = d.PersonalInfo;
        UniqueIdentifiers = d.UniqueIdentifiers;
        UpdatedAt = now;
        return Result.Ok;
    }
}
