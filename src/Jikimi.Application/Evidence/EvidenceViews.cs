namespace Jikimi.Application.Evidence;

public sealed record EvidenceVersionView(int Number, string FileName, string ContentType, long Size, string Sha256, DateOnly EffectiveDate, DateTime UploadedAt, Guid UploadedBy);

public sealed record EvidenceUseView(Guid LinkId, Guid AssessmentId, int Year, string ControlId, string CheckItemId);

public sealed record EvidenceView(
    Guid Id,
    string Title,
    string? Description,
    string Source,
    int? RefreshIntervalDays,
    DateOnly? EffectiveDate,
    DateOnly? ExpiresOn,
    bool Expired,
    int CurrentVersion,
    DateTime CreatedAt,
    bool Deleted,
    int Version,
    int Uses,
    IReadOnlyList<EvidenceVersionView>? Versions = null,
    IReadOnlyList<EvidenceUseView>? UsedIn = null);

/// <summary>Where evidence is attached: a control (and optionally one check item) of an assessment.</summary>
public sealed record EvidenceTarget(Guid AssessmentId, string ControlId, string? CheckItemId);

public sealed record UploadEvidenceRequest(string? Title, string? Description, DateOnly? EffectiveDate, int? RefreshIntervalDays, IReadOnlyList<EvidenceTarget>? LinkTo, string Source = "upload");

public sealed record EvidenceFile(Stream Content, string? FileName);

public sealed record DownloadedEvidence(Stream Content, string FileName, string ContentType, long Size, string Sha256);
