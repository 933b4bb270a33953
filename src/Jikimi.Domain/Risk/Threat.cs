using Jikimi.Domain.Common;

namespace Jikimi.Domain.Risk;

/// <summary>A threat in an organization's editable list, copied from Jikimi's seeded catalog or added by hand.</summary>
public sealed class Threat : ITenantOwned
{
    private Threat()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Code { get; private set; } = string.Empty;
    public string Category { get; private set; } = string.Empty;
    public string NameKo { get; private set; } = string.Empty;
    public string NameEn { get; private set; } = string.Empty;

    /// <summary>True when copied from the built-in catalog (the org may still edit its copy).</summary>
    public bool FromCatalog { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static Result<Threat> Create(Guid organizationId, string? code, string? category, string? nameKo, string? nameEn, bool fromCatalog, DateTime now)
    {
        var t = new Threat { Id = Guid.NewGuid(), OrganizationId = organizationId, FromCatalog = fromCatalog };
        var r = t.Apply(code, category, nameKo, nameEn, now);
        return r.Error is { } e ? e : t;
    }

    public Result Update(string? code, string? category, string? nameKo, string? nameEn, DateTime now) => Apply(code, category, nameKo, nameEn, now);

    private Result Apply(string? code, string? category, string? nameKo, string? nameEn, DateTime now)
    {
        var c = Text.Required("code", code, 20);
        var cat = Text.Optional("category", category, 60);
        var ko = Text.Required("nameKo", nameKo, 300);
        var en = Text.Optional("nameEn", nameEn, 300);
        if ((c.Error ?? cat.Error ?? ko.Error ?? en.Error) is { } e)
        {
            return e;
        }

        Code = c.Value!;
        Category = cat.Value ?? string.Empty;
        NameKo = ko.Value!;
        NameEn = en.Value ?? ko.Value!;
        UpdatedAt = now;
        return Result.Ok;
    }
}
