using Jikimi.Domain.Common;

namespace Jikimi.Domain.Evidence;

/// <summary>
/// A piece of evidence (증적): a titled record with versions (files), an effective date per version, a refresh
/// interval that gives its expiry, links to many controls and check items, and soft deletion.
/// </summary>
public sealed class EvidenceItem : ITenantOwned
{
    private EvidenceItem()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string? Description { get; private set; }

    /// <summary>How often this evidence must be refreshed (e.g. 365 for yearly training records).</summary>
    public int? RefreshIntervalDays { get; private set; }

    /// <summary>Effective date of the current version.</summary>
    public DateOnly? EffectiveDate { get; private set; }

    /// <summary>EffectiveDate + RefreshIntervalDays; kept in step so "expiring soon" is one indexed query.</summary>
    public DateOnly? ExpiresOn { get; private set; }

    public int CurrentVersion { get; private set; }

    /// <summary>Where it came from: "upload", or an automated source such as "pii-scan" or "prowler".</summary>
    public string Source { get; private set; } = "upload";

    public DateTime CreatedAt { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTime? DeletedAt { get; private set; }
    public Guid? DeletedBy { get; private set; }
    public int Version { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    public static Result<EvidenceItem> Create(Guid organizationId, string? title, string? description, int? refreshIntervalDays, string source, Guid createdBy, DateTime now)
    {
        var item = new EvidenceItem { Id = Guid.NewGuid(), OrganizationId = organizationId, CreatedAt = now, CreatedBy = createdBy, Source = source };
        var r = item.Describe(title, description, refreshIntervalDays);
        return r.Error is { } e ? e : item;
    }

    public Result Describe(string? title, string? description, int? refreshIntervalDays)
    {
        var t = Text.Required("title", title, 300);
        var d = Text.Optional("description", description, 4000);
        if ((t.Error ?? d.Error) is { } e)
        {
            return e;
        }

        if (refreshIntervalDays is < 1 or > 3660)
        {
            return new Invalid("refreshIntervalDays", "refreshIntervalDays must be between 1 and 3660.");
        }

        Title = t.Value!;
        Description = d.Value;
        RefreshIntervalDays = refreshIntervalDays;
        ExpiresOn = ComputeExpiry();
        Version++;
        return Result.Ok;
    }

    /// <summary>Records a new file version; the caller has stored the bytes under their hash.</summary>
    public EvidenceVersion AddVersion(string fileName, string contentType, long size, Sha256Hash sha256, DateOnly effectiveDate, Guid uploadedBy, DateTime now)
    {
        CurrentVersion++;
        EffectiveDate = effectiveDate;
        ExpiresOn = ComputeExpiry();
        Version++;
        return EvidenceVersion.Create(this, CurrentVersion, fileName, contentType, size, sha256, effectiveDate, uploadedBy, now);
    }

    public Result SoftDelete(Guid by, DateTime now)
    {
        if (IsDeleted)
        {
            return new EvidenceDeleted(Id);
        }

        DeletedAt = now;
        DeletedBy = by;
        Version++;
        return Result.Ok;
    }

    public bool IsExpired(DateOnly today) => ExpiresOn is { } e && e < today;

    private DateOnly? ComputeExpiry() => EffectiveDate is { } d && RefreshIntervalDays is { } days ? d.AddDays(days) : null;
}

/// <summary>One uploaded file of an evidence item. The bytes live in the blob store under <see cref="Sha256"/>.</summary>
public sealed class EvidenceVersion : ITenantOwned
{
    private EvidenceVersion()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid EvidenceId { get; private set; }
    public int Number { get; private set; }
    public string FileName { get; private set; } = string.Empty;
    public string ContentType { get; private set; } = string.Empty;
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = string.Empty;
    public DateOnly EffectiveDate { get; private set; }
    public DateTime UploadedAt { get; private set; }
    public Guid UploadedBy { get; private set; }

    internal static EvidenceVersion Create(EvidenceItem item, int number, string fileName, string contentType, long size, Sha256Hash sha256, DateOnly effectiveDate, Guid uploadedBy, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = item.OrganizationId,
        EvidenceId = item.Id,
        Number = number,
        FileName = SafeFileName.From(fileName),
        ContentType = contentType,
        Size = size,
        Sha256 = sha256.Hex,
        EffectiveDate = effectiveDate,
        UploadedAt = now,
        UploadedBy = uploadedBy,
    };
}

/// <summary>Evidence used for a control (and optionally one of its check items) in an assessment.</summary>
public sealed class EvidenceLink : ITenantOwned
{
    private EvidenceLink()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid EvidenceId { get; private set; }
    public Guid ControlAssessmentId { get; private set; }
    /// <summary>The check item, or "" when the evidence supports the control as a whole (not null, so a unique index holds).</summary>
    public string CheckItemId { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public static EvidenceLink Create(EvidenceItem evidence, Guid controlAssessmentId, string? checkItemId, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = evidence.OrganizationId,
        EvidenceId = evidence.Id,
        ControlAssessmentId = controlAssessmentId,
        CheckItemId = checkItemId ?? string.Empty,
        CreatedAt = now,
    };
}

public sealed record EvidenceDeleted(Guid Id) : ConflictError("evidence.deleted", $"Evidence '{Id}' has been deleted.");

public sealed record EvidenceAlreadyLinked() : ConflictError("evidence.already_linked", "The evidence is already linked there.");


public sealed record EvidenceEmpty() : RuleError("evidence.empty", "The upload contained no file.");
