using Jikimi.Domain.AccessRecords;

namespace Jikimi.Application.AccessRecords;

public sealed record SegmentView(long Sequence, DateOnly Day, long Records, long Bytes, string Sha256, string ChainHash, DateTime CreatedAt, DateTime? PurgedAt)
{
    public static SegmentView Of(AccessRecordSegment s) => new(s.Sequence, s.Day, s.Records, s.Bytes, s.Sha256, s.ChainHash, s.CreatedAt, s.PurgedAt);
}

/// <summary>What one ingest kept: records, missing items per required field (2.9.4) and the new segments.</summary>
public sealed record IngestView(Guid SystemId, Guid IngestId, long Records, IReadOnlyDictionary<string, long> MissingByField, IReadOnlyList<SegmentView> Segments)
{
    public static IngestView Of(ProcessingSystem system, Guid ingestId, IReadOnlyList<AccessRecordSegment> segments)
    {
        var missing = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["account"] = segments.Sum(s => s.MissingAccount),
            ["time"] = segments.Sum(s => s.MissingTime),
            ["source"] = segments.Sum(s => s.MissingSource),
            ["subject"] = segments.Sum(s => s.MissingSubject),
            ["action"] = segments.Sum(s => s.MissingAction),
        };

        return new IngestView(system.Id, ingestId, segments.Sum(s => s.Records), missing, segments.Select(SegmentView.Of).ToList());
    }
}

/// <summary>The kinds of damage verify names, first found first.</summary>
public static class SegmentDamage
{
    public const string Changed = "changed";
    public const string Deleted = "deleted";
    public const string Reordered = "reordered";
    public const string Truncated = "truncated";
    public const string Unsigned = "unsigned";
}

/// <summary>The first damaged segment of a system's chain: its sequence and day, the kind and what was seen.</summary>
public sealed record SegmentProblem(long Sequence, DateOnly? Day, string Kind, string Detail);

public sealed record VerifyView(Guid SystemId, string SystemName, long Segments, long Purged, long? HeadSequence, string? HeadHash, SegmentProblem? Problem)
{
    public bool Intact => Problem is null;
}

/// <summary>What a purge removed (the rows stay as the purge record) and the first day still kept.</summary>
public sealed record PurgeView(Guid SystemId, IReadOnlyList<SegmentView> Purged, long Kept, DateOnly Today);
