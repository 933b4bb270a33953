namespace Jikimi.Catalog.Model;

public sealed record Subdomain(string Id, string DomainId, LocalizedText Title, IReadOnlyList<Control> Controls);

public sealed record Domain(string Id, LocalizedText Title, IReadOnlyList<Subdomain> Subdomains);

/// <summary>One edition of the criteria: edition → domain → sub-domain → control → check item.</summary>
public sealed class Edition
{
    private readonly Dictionary<string, Control> _byId;

    public Edition(EditionId id, LocalizedText name, DateOnly published, LocalizedText? note, IReadOnlyList<Domain> domains)
    {
        Id = id;
        Name = name;
        Published = published;
        Note = note;
        Domains = domains;
        Controls = domains.SelectMany(d => d.Subdomains).SelectMany(s => s.Controls).ToArray();
        _byId = Controls.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public EditionId Id { get; }
    public LocalizedText Name { get; }
    public DateOnly Published { get; }

    /// <summary>Eligibility or source note shown with the edition.</summary>
    public LocalizedText? Note { get; }

    public IReadOnlyList<Domain> Domains { get; }
    public IReadOnlyList<Control> Controls { get; }

    public IEnumerable<Subdomain> Subdomains => Domains.SelectMany(d => d.Subdomains);

    public int CheckItemCount => Controls.Sum(c => c.CheckItemCount);

    public Control? Find(string id) => _byId.GetValueOrDefault(id.Trim());

    public IEnumerable<Control> InScope(Certification scope) => Controls.Where(c => c.AppliesTo.IsIn(scope));
}
