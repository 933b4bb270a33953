using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Jikimi.Domain.Common;

namespace Jikimi.Domain.AccessRecords;

/// <summary>
/// One immutable Parquet file of a system's normalized access records for one day (KST), written by one ingest, with
/// the raw input of that ingest kept gzip-compressed beside it (ADR 0054). Segments of a system form a hash chain:
/// each link covers the file hashes, the day, the count and the previous link, so a changed, deleted, reordered or
/// truncated segment shows in <c>logs verify</c>. Purging deletes the files but keeps the row (what, hashes, when,
/// who), so the chain still verifies after retention has passed.
/// </summary>
public sealed class AccessRecordSegment : ITenantOwned
{
    public const string Genesis = "";

    private AccessRecordSegment()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid SystemId { get; private set; }

    /// <summary>1, 2, 3 … per system; unique, so two concurrent ingests cannot fork the chain.</summary>
    public long Sequence { get; private set; }

    /// <summary>The day (Korea Standard Time) of the records in the file.</summary>
    public DateOnly Day { get; private set; }

    public Guid IngestId { get; private set; }
    public long Records { get; private set; }

    /// <summary>Records missing each required item (2.9.4): account, time, source, subject, action.</summary>
    public long MissingAccount { get; private set; }
    public long MissingTime { get; private set; }
    public long MissingSource { get; private set; }
    public long MissingSubject { get; private set; }
    public long MissingAction { get; private set; }

    /// <summary>Path of the Parquet file under the access-record folder.</summary>
    public string Path { get; private set; } = string.Empty;
    public long Bytes { get; private set; }
    public string Sha256 { get; private set; } = string.Empty;

    /// <summary>Path of the ingest's raw input (gzip), shared by the segments of one ingest.</summary>
    public string RawPath { get; private set; } = string.Empty;
    public long RawBytes { get; private set; }
    public string RawSha256 { get; private set; } = string.Empty;

    public string PreviousHash { get; private set; } = Genesis;
    public string ChainHash { get; private set; } = string.Empty;
    public DateTime CreatedAt { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTime? PurgedAt { get; private set; }
    public Guid? PurgedBy { get; private set; }

    public bool Purged => PurgedAt is not null;

    public sealed record Files(string Path, long Bytes, string Sha256, string RawPath, long RawBytes, string RawSha256);

    public sealed record Counts(long Records, long Account, long Time, long Source, long Subject, long Action);

    public static AccessRecordSegment Append(ProcessingSystem system, AccessRecordSegment? previous, Guid ingestId, DateOnly day, Counts counts, Files files, Guid by, DateTime now)
    {
        var s = new AccessRecordSegment
        {
            Id = Guid.NewGuid(),
            OrganizationId = system.OrganizationId,
            SystemId = system.Id,
            Sequence = (previous?.Sequence ?? 0) + 1,
            Day = day,
            IngestId = ingestId,
            Records = counts.Records,
            MissingAccount = counts.Account,
            MissingTime = counts.Time,
            MissingSource = counts.Source,
            MissingSubject = counts.Subject,
            MissingAction = counts.Action,
            Path = files.Path,
            Bytes = files.Bytes,
            Sha256 = files.Sha256,
            RawPath = files.RawPath,
            RawBytes = files.RawBytes,
            RawSha256 = files.RawSha256,
            PreviousHash = previous?.ChainHash ?? Genesis,
            CreatedAt = now,
            CreatedBy = by,
        };
        s.ChainHash = s.ExpectedChainHash();
        return s;
    }

    /// <summary>The link this row should carry: SHA-256 over a versioned, line-separated text of its facts.</summary>
    public string ExpectedChainHash()
    {
        var text = string.Join('\n', "jikimi-access-segment-v1", SystemId.ToString("N"), Sequence.ToString(CultureInfo.InvariantCulture),
            Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Records.ToString(CultureInfo.InvariantCulture),
            Bytes.ToString(CultureInfo.InvariantCulture), Sha256, RawBytes.ToString(CultureInfo.InvariantCulture), RawSha256, PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Marks the segment purged once its retention has passed; the caller deletes the files.</summary>
    public Result Purge(Guid by, DateTime now)
    {
        if (Purged)
        {
            return new SegmentPurged(Sequence);
        }

        PurgedAt = now;
        PurgedBy = by;
        return Result.Ok;
    }
}

/// <summary>A system's chain head (last sequence and link) signed with the installation key, kept after every ingest.</summary>
public sealed class SignedChainHead : ITenantOwned
{
    private SignedChainHead()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid SystemId { get; private set; }
    public long Sequence { get; private set; }
    public string ChainHash { get; private set; } = string.Empty;
    public string KeyId { get; private set; } = string.Empty;

    /// <summary>ECDSA P-256 / SHA-256 signature over <see cref="Payload"/>, base64.</summary>
    public string Signature { get; private set; } = string.Empty;
    public DateTime SignedAt { get; private set; }

    public static byte[] Payload(Guid organizationId, Guid systemId, long sequence, string chainHash) =>
        Encoding.UTF8.GetBytes(string.Join('\n', "jikimi-access-head-v1", organizationId.ToString("N"), systemId.ToString("N"), sequence.ToString(CultureInfo.InvariantCulture), chainHash));

    public byte[] Payload() => Payload(OrganizationId, SystemId, Sequence, ChainHash);

    public static SignedChainHead Of(AccessRecordSegment head, string keyId, string signature, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = head.OrganizationId,
        SystemId = head.SystemId,
        Sequence = head.Sequence,
        ChainHash = head.ChainHash,
        KeyId = keyId,
        Signature = signature,
        SignedAt = now,
    };
}

public sealed record SegmentPurged(long Sequence) : ConflictError("access_records.segment_purged", $"Segment {Sequence} is already purged.");

public sealed record NoLogFormat(string System) : ConflictError("access_records.no_format", $"Set the log format of '{System}' before sending records.");
