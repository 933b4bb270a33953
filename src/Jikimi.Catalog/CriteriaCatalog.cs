using Jikimi.Catalog.Loading;
using Jikimi.Catalog.Model;

namespace Jikimi.Catalog;

/// <summary>All criteria editions, the statute registry and the crosswalks between editions.</summary>
public sealed class CriteriaCatalog
{
    private static readonly Lazy<CriteriaCatalog> EmbeddedCatalog = new(() =>
    {
        var result = CatalogLoader.Load(new EmbeddedCatalogFiles());
        return result.Catalog ?? throw new CatalogValidationException(result.Problems);
    });

    internal CriteriaCatalog(IReadOnlyDictionary<EditionId, Edition> editions, IReadOnlyDictionary<string, Statute> statutes, IReadOnlyList<Crosswalk> crosswalks)
    {
        Editions = editions;
        Statutes = statutes;
        Crosswalks = crosswalks;
    }

    /// <summary>The catalogs built into Jikimi (validated once; a broken build throws).</summary>
    public static CriteriaCatalog Embedded => EmbeddedCatalog.Value;

    public IReadOnlyDictionary<EditionId, Edition> Editions { get; }
    public IReadOnlyDictionary<string, Statute> Statutes { get; }
    public IReadOnlyList<Crosswalk> Crosswalks { get; }

    /// <summary>Reference frameworks ISMS-P is mapped to (ISO/IEC 27001:2022 Annex A, 27017, 27018), by id.</summary>
    public IReadOnlyDictionary<string, ReferenceFramework> Frameworks { get; internal init; } = new Dictionary<string, ReferenceFramework>();

    /// <summary>Relation-typed mappings from a reference framework to an ISMS-P edition.</summary>
    public IReadOnlyList<FrameworkMapping> Mappings { get; internal init; } = [];

    /// <summary>Default cloud responsibility splits per control, one per edition that has one.</summary>
    public IReadOnlyList<ResponsibilityMatrix> Responsibilities { get; internal init; } = [];

    /// <summary>Well-known cloud providers shipped with Jikimi, with only their publicly known certificates.</summary>
    public IReadOnlyList<ShippedProvider> Providers { get; internal init; } = [];

    /// <summary>Pre-ISMS-P schemes known only in outline (K-PIMS), by id: editions, counts and sources, no items.</summary>
    public IReadOnlyDictionary<string, LegacyScheme> LegacySchemes { get; internal init; } = new Dictionary<string, LegacyScheme>();

    /// <summary>The certificate kinds a provider attestation may be (wire names).</summary>
    public static IReadOnlyList<string> AttestationKinds => ProviderReader.Kinds;

    public Edition this[EditionId id] => Editions[id];

    public ResponsibilityMatrix? ResponsibilityFor(EditionId edition) => Responsibilities.FirstOrDefault(r => r.Edition == edition);

    public FrameworkMapping? MappingFor(string framework, EditionId target) =>
        Mappings.FirstOrDefault(m => m.Source == framework && m.Target == target);

    /// <summary>Every framework control mapped to this ISMS-P control, with the framework it belongs to.</summary>
    public IEnumerable<(ReferenceFramework Framework, MappingPair Pair)> MappedTo(ControlRef control) =>
        Mappings.Where(m => m.Target == control.Edition)
            .SelectMany(m => m.ToTarget(control.Id).Select(p => (Frameworks[m.Source], p)));

    public Control? Find(ControlRef reference) =>
        Editions.TryGetValue(reference.Edition, out var e) ? e.Find(reference.Id) : null;

    /// <summary>A crosswalk between two editions, and whether it is read backwards.</summary>
    public (Crosswalk Crosswalk, bool Reversed)? FindCrosswalk(EditionId a, EditionId b)
    {
        var direct = Crosswalks.FirstOrDefault(c => c.From == a && c.To == b);
        if (direct is not null)
        {
            return (direct, false);
        }

        var reverse = Crosswalks.FirstOrDefault(c => c.From == b && c.To == a);
        return reverse is null ? null : (reverse, true);
    }

    /// <summary>Every control of other editions related to this one through a crosswalk.</summary>
    public IEnumerable<(Crosswalk Crosswalk, CrosswalkEntry Entry, bool Reversed)> RelationsOf(ControlRef control)
    {
        foreach (var cw in Crosswalks)
        {
            if (cw.From == control.Edition)
            {
                foreach (var e in cw.ForSource(control.Id))
                {
                    yield return (cw, e, false);
                }
            }
            else if (cw.To == control.Edition)
            {
                foreach (var e in cw.ForTarget(control.Id))
                {
                    yield return (cw, e, true);
                }
            }
        }
    }
}
