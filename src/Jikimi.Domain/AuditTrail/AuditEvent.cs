using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Jikimi.Domain.AuditTrail;

/// <summary>
/// One state change, written in the same transaction as the change. Events form one hash chain per organization
/// (and one for system events): each hash covers the previous hash and every field, so editing or deleting a row
/// breaks the chain at that point. <see cref="Sequence"/> is unique per chain, which also serialises writers.
/// </summary>
public sealed class AuditEvent
{
    public const string SystemChain = "system";

    private AuditEvent()
    {
    }

    public Guid Id { get; private set; }
    public string Chain { get; private set; } = SystemChain;
    public long Sequence { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public DateTime At { get; private set; }
    public Guid? ActorUserId { get; private set; }

    /// <summary>Who acted, for display: a user's display name, "api-token:&lt;prefix&gt;" or "system".</summary>
    public string Actor { get; private set; } = string.Empty;

    /// <summary>A stable code, e.g. "assessment.created" (see AuditActions).</summary>
    public string Action { get; private set; } = string.Empty;

    public string EntityType { get; private set; } = string.Empty;
    public string EntityId { get; private set; } = string.Empty;

    /// <summary>Before/after summary as compact JSON. Never personal data beyond names the user typed.</summary>
    public string Summary { get; private set; } = string.Empty;

    public string PreviousHash { get; private set; } = string.Empty;
    public string Hash { get; private set; } = string.Empty;

    public static string ChainOf(Guid? organizationId) => organizationId?.ToString("D") ?? SystemChain;

    public static AuditEvent Create(string chain, long sequence, string previousHash, Guid? organizationId, DateTime at, Guid? actorUserId, string actor, string action, string entityType, string entityId, string summary)
    {
        var e = new AuditEvent
        {
            Id = Guid.NewGuid(),
            Chain = chain,
            Sequence = sequence,
            PreviousHash = previousHash,
            OrganizationId = organizationId,
            At = DateTime.SpecifyKind(new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerMicrosecond), at.Kind), DateTimeKind.Utc),
            ActorUserId = actorUserId,
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = summary,
        };
        e.Hash = e.ComputeHash();
        return e;
    }

    /// <summary>The genesis "previous hash" of every chain.</summary>
    public static string Genesis(string chain) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("jikimi-audit-genesis:" + chain)));

    /// <summary>
    /// SHA-256 over the fields in a fixed, length-prefixed layout. Times are cut to microseconds so both databases
    /// give back exactly what was hashed.
    /// </summary>
    public string ComputeHash()
    {
        var sb = new StringBuilder();
        void Field(string? v) => sb.Append((v ?? string.Empty).Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(v).Append('|');
        Field(Id.ToString("D"));
        Field(Chain);
        Field(Sequence.ToString(CultureInfo.InvariantCulture));
        Field(OrganizationId?.ToString("D"));
        Field(At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture));
        Field(ActorUserId?.ToString("D"));
        Field(Actor);
        Field(Action);
        Field(EntityType);
        Field(EntityId);
        Field(Summary);
        Field(PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
