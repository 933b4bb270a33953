namespace Jikimi.Catalog.Model;

/// <summary>
/// A control of a reference framework outside the ISMS-P family (ISO/IEC 27001 Annex A, 27017, 27018). Only ids,
/// short names where they are public, and our own summaries; never the standard's text.
/// </summary>
/// <param name="Confidence">"S" (name checked against a secondary source) or "M" (unverified).</param>
public sealed record FrameworkControl(string Id, string? TitleEn, string? Theme, LocalizedText? Summary, string Confidence);

/// <summary>A reference framework that ISMS-P controls are mapped to (not an edition: nothing is assessed against it).</summary>
public sealed class ReferenceFramework(string id, LocalizedText name, DateOnly published, LocalizedText source, IReadOnlyList<FrameworkControl> controls)
{
    public const string Iso27001 = "iso27001-2022";
    public const string Iso27017 = "iso27017-2015";
    public const string Iso27018 = "iso27018-2019";

    private readonly Dictionary<string, FrameworkControl> _byId = controls.ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);

    public string Id { get; } = id;
    public LocalizedText Name { get; } = name;
    public DateOnly Published { get; } = published;
    public LocalizedText Source { get; } = source;
    public IReadOnlyList<FrameworkControl> Controls { get; } = controls;

    /// <summary>Finds a control by id; "A.5.15" and "5.15" both find ISO/IEC 27001 control 5.15.</summary>
    public FrameworkControl? Find(string id)
    {
        var t = id.Trim();
        return _byId.GetValueOrDefault(t)
            ?? (t.StartsWith("A.", StringComparison.OrdinalIgnoreCase) ? _byId.GetValueOrDefault(t[2..]) : null);
    }
}

/// <summary>How the source control relates to the target control, read as NIST OLIR and OSCAL mappings read it.</summary>
public enum MappingRelation
{
    /// <summary>Both ask for the same thing with the same reach.</summary>
    Equal,

    /// <summary>The source asks for part of what the target asks.</summary>
    Subset,

    /// <summary>The source asks for all the target asks, and more.</summary>
    Superset,

    /// <summary>They overlap in part; neither contains the other.</summary>
    Intersects,
}

/// <param name="SourceId">A control of the reference framework.</param>
/// <param name="TargetId">An ISMS-P control of the target edition.</param>
public sealed record MappingPair(string SourceId, string TargetId, MappingRelation Relation, LocalizedText Rationale);

/// <summary>A relation-typed crosswalk from a reference framework to an ISMS-P edition, one rationale per pair.</summary>
public sealed class FrameworkMapping(string source, EditionId target, LocalizedText basis, IReadOnlyList<MappingPair> pairs)
{
    public string Source { get; } = source;
    public EditionId Target { get; } = target;
    public LocalizedText Basis { get; } = basis;
    public IReadOnlyList<MappingPair> Pairs { get; } = pairs;

    public IEnumerable<MappingPair> FromSource(string sourceId) => Pairs.Where(p => string.Equals(p.SourceId, sourceId, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<MappingPair> ToTarget(string targetId) => Pairs.Where(p => p.TargetId == targetId);

    /// <summary>Target controls no source control reaches: what the edition asks beyond the framework.</summary>
    public IEnumerable<Control> Unreached(Edition edition) => edition.Controls.Where(c => !Pairs.Any(p => p.TargetId == c.Id));

    /// <summary>Target controls reached only partly (no pair is equal or superset): the framework's evidence is not enough alone.</summary>
    public IEnumerable<Control> PartlyReached(Edition edition) =>
        edition.Controls.Where(c =>
        {
            var to = Pairs.Where(p => p.TargetId == c.Id).ToList();
            return to.Count > 0 && to.All(p => p.Relation is MappingRelation.Subset or MappingRelation.Intersects);
        });
}
