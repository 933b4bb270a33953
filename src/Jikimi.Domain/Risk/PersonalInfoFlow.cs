using Jikimi.Domain.Common;

namespace Jikimi.Domain.Risk;

/// <summary>The stages of the personal-information lifecycle table (1.2.2).</summary>
public enum LifecycleStage
{
    Collection = 0,
    RetentionUse = 1,
    ProvisionEntrustment = 2,
    Destruction = 3,
}

public static class LifecycleStages
{
    public static string ToWire(this LifecycleStage s) => s switch
    {
        LifecycleStage.Collection => "collection",
        LifecycleStage.RetentionUse => "retention-use",
        LifecycleStage.ProvisionEntrustment => "provision-entrustment",
        _ => "destruction",
    };

    public static string TitleKo(this LifecycleStage s) => s switch
    {
        LifecycleStage.Collection => "수집",
        LifecycleStage.RetentionUse => "보유·이용",
        LifecycleStage.ProvisionEntrustment => "제공·위탁",
        _ => "파기",
    };

    public static string TitleEn(this LifecycleStage s) => s switch
    {
        LifecycleStage.Collection => "Collection",
        LifecycleStage.RetentionUse => "Retention / use",
        LifecycleStage.ProvisionEntrustment => "Provision / entrustment",
        _ => "Destruction",
    };

    public static bool TryParse(string? text, out LifecycleStage stage)
    {
        foreach (var s in Enum.GetValues<LifecycleStage>())
        {
            if (string.Equals(s.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                stage = s;
                return true;
            }
        }

        stage = default;
        return false;
    }
}

/// <summary>What one lifecycle row says: personal-information items, legal basis, systems and recipients.</summary>
public sealed record FlowData(string? Service, LifecycleStage Stage, string? Items, string? LegalBasis, string? Systems, string? Recipients);

/// <summary>One row of a service's personal-information lifecycle table (현황 및 흐름분석, 1.2.2).</summary>
public sealed class PersonalInfoFlow : ITenantOwned
{
    private PersonalInfoFlow()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Service { get; private set; } = string.Empty;
    public LifecycleStage Stage { get; private set; }
    public string Items { get; private set; } = string.Empty;
    public string? LegalBasis { get; private set; }
    public string? Systems { get; private set; }
    public string? Recipients { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public static Result<PersonalInfoFlow> Create(Guid organizationId, FlowData data, DateTime now)
    {
        var f = new PersonalInfoFlow { Id = Guid.NewGuid(), OrganizationId = organizationId };
        var r = f.Update(data, now);
        return r.Error is { } e ? e : f;
    }

    public Result Update(FlowData d, DateTime now)
    {
        var service = Text.Required("service", d.Service, 200);
        var items = Text.Required("items", d.Items, 2000);
        var basis = Text.Optional("legalBasis", d.LegalBasis, 2000);
        var systems = Text.Optional("systems", d.Systems, 2000);
        var recipients = Text.Optional("recipients", d.Recipients, 2000);
        if ((service.Error ?? items.Error ?? basis.Error ?? systems.Error ?? recipients.Error) is { } e)
        {
            return e;
        }

        if (!Enum.IsDefined(d.Stage))
        {
            return new Invalid("stage", "Unknown lifecycle stage.");
        }

        Service = service.Value!;
        Stage = d.Stage;
        Items = items.Value!;
        LegalBasis = basis.Value;
        Systems = systems.Value;
        Recipients = recipients.Value;
        UpdatedAt = now;
        return Result.Ok;
    }
}
