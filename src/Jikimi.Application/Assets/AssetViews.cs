using Jikimi.Domain.Risk;

namespace Jikimi.Application.Assets;

/// <summary>An asset as the API and pages show it, with the importance derived under the method in force.</summary>
public sealed record AssetView(
    Guid Id, string AssetId, string Name, string Type, string TypeKo, Guid? OwnerUserId, string? OwnerName, string? OwnerEmail,
    string? Administrator, string? Location, bool InScope, int Confidentiality, int Integrity, int Availability,
    int ImportanceScore, int Grade, bool PersonalInfo, bool UniqueIdentifiers, int Version, DateTime UpdatedAt);

public sealed record AssetPage(IReadOnlyList<AssetView> Items, int Total, int Page, int PageSize);

/// <summary>Create or replace an asset. owner = a member's e-mail (or user id); empty = none.</summary>
public sealed record AssetRequest(
    string? AssetId, string? Name, string? Type, string? Owner, string? Administrator, string? Location, bool? InScope,
    int Confidentiality, int Integrity, int Availability, bool? PersonalInfo, bool? UniqueIdentifiers, int Version = 0);

internal static class AssetMapping
{
    public static AssetView View(Asset a, RiskMethod method, Risk.OrgPeople people)
    {
        var score = method.ImportanceScore(a.Confidentiality, a.Integrity, a.Availability);
        return new AssetView(
            a.Id, a.Code, a.Name, a.Type.ToWire(), a.Type.TitleKo(), a.OwnerUserId, people.NameOf(a.OwnerUserId), people.EmailOf(a.OwnerUserId),
            a.Administrator, a.Location, a.InScope, a.Confidentiality, a.Integrity, a.Availability,
            score, method.Grade(score), a.PersonalInfo, a.UniqueIdentifiers, a.Version, a.UpdatedAt);
    }

    public static Domain.Common.Result<AssetData> Data(AssetRequest r, Risk.OrgPeople people)
    {
        if (!AssetTypes.TryParse(r.Type, out var type))
        {
            return new Domain.Common.Invalid("type", "type must be one of: " + string.Join(", ", Enum.GetValues<AssetType>().Select(t => t.ToWire())) + ".");
        }

        var owner = people.Resolve("owner", r.Owner);
        if (owner.Error is { } e)
        {
            return e;
        }

        return new AssetData(r.AssetId, r.Name, type, owner.Value, r.Administrator, r.Location, r.InScope ?? true,
            r.Confidentiality, r.Integrity, r.Availability, r.PersonalInfo ?? false, r.UniqueIdentifiers ?? false);
    }
}
