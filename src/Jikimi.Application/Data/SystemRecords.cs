namespace Jikimi.Application.Data;

/// <summary>The one-time setup token printed at first start (hash only). Used once to create the first administrator.</summary>
public sealed class SetupToken
{
    public int Id { get; set; }
    public string SecretHash { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

/// <summary>An invitation to join an organization: a new user sets their own password with it (hash only).</summary>
public sealed class Invitation
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid OrganizationId { get; set; }
    public string SecretHash { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
}

/// <summary>Evidence bytes kept in the database (for multi-node PostgreSQL deployments), keyed by SHA-256.</summary>
public sealed class EvidenceBlob
{
    public string Sha256 { get; set; } = string.Empty;
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTime CreatedAt { get; set; }
}

/// <summary>A former password hash of a user, so a password change can refuse recent ones (ISMS-P 2.5.4).</summary>
public sealed class PasswordHistoryEntry
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public string PasswordHash { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; }
}
