namespace Jikimi.Catalog.Model;

/// <summary>How a cloud service is consumed; decides who performs a control by default.</summary>
public enum ServiceModel
{
    IaaS,
    PaaS,
    SaaS,
}

/// <summary>Who performs a control: the cloud provider, both, or the customer organization.</summary>
public enum Responsibility
{
    Provider,
    Shared,
    Customer,
}

/// <summary>The default responsibility under each service model, with a one-line reason.</summary>
public sealed record ResponsibilitySplit(Responsibility IaaS, Responsibility PaaS, Responsibility SaaS, LocalizedText Rationale)
{
    public Responsibility For(ServiceModel model) => model switch
    {
        ServiceModel.IaaS => IaaS,
        ServiceModel.PaaS => PaaS,
        _ => SaaS,
    };
}

/// <summary>A control's default split, and the check items whose split differs from it.</summary>
public sealed record ControlResponsibility(string ControlId, ResponsibilitySplit Split, IReadOnlyDictionary<string, ResponsibilitySplit> CheckItems)
{
    /// <summary>The split of one check item: its own when it differs, else the control's.</summary>
    public ResponsibilitySplit ForCheckItem(string checkItemId) => CheckItems.GetValueOrDefault(checkItemId) ?? Split;
}

/// <summary>The versioned default responsibility split per control of one edition (catalog data, not a contract).</summary>
public sealed class ResponsibilityMatrix(EditionId edition, string version, LocalizedText basis, IReadOnlyList<ControlResponsibility> controls)
{
    private readonly Dictionary<string, ControlResponsibility> _byId = controls.ToDictionary(c => c.ControlId, StringComparer.Ordinal);

    public EditionId Edition { get; } = edition;
    public string Version { get; } = version;
    public LocalizedText Basis { get; } = basis;
    public IReadOnlyList<ControlResponsibility> Controls { get; } = controls;

    public ControlResponsibility? Find(string controlId) => _byId.GetValueOrDefault(controlId.Trim());
}
