namespace Jikimi.Catalog.Model;

public enum CrosswalkKind
{
    /// <summary>Same id, same title.</summary>
    Same,

    /// <summary>Same id, new title or wording.</summary>
    Renamed,

    /// <summary>Continues under another id.</summary>
    Moved,

    /// <summary>Content folded into another control.</summary>
    Merged,

    /// <summary>No successor.</summary>
    Deleted,

    /// <summary>Did not exist in the older edition.</summary>
    New,

    /// <summary>A simplified-set control corresponding to a main-set control.</summary>
    Corresponds,

    /// <summary>Relation-typed (legacy editions): the two ask for the same control with the same reach.</summary>
    Equal,

    /// <summary>Relation-typed: the source covers only part of the target(s).</summary>
    Subset,

    /// <summary>Relation-typed: the source covers all of the target(s) and more.</summary>
    Superset,

    /// <summary>Relation-typed: the two overlap in part; neither contains the other.</summary>
    Intersects,
}

/// <param name="Confidence">
/// Null when both sides' titles are confirmed; "S" or "M" when the entry rests on a title known only from a secondary
/// source or not verified (e.g. a 2018 domain-3 title), so the relation is shown with that caveat.
/// </param>
public sealed record CrosswalkEntry(
    string? FromId,
    IReadOnlyList<string> ToIds,
    CrosswalkKind Kind,
    IReadOnlyList<string> Related,
    LocalizedText Note,
    string? Confidence = null);

/// <summary>How the controls of one edition relate to another's.</summary>
public sealed class Crosswalk(EditionId from, EditionId to, IReadOnlyList<CrosswalkEntry> entries)
{
    public EditionId From { get; } = from;
    public EditionId To { get; } = to;
    public IReadOnlyList<CrosswalkEntry> Entries { get; } = entries;

    public IEnumerable<CrosswalkEntry> ForSource(string id) => Entries.Where(e => e.FromId == id);

    public IEnumerable<CrosswalkEntry> ForTarget(string id) => Entries.Where(e => e.ToIds.Contains(id));
}
