using Jikimi.Domain.Common;

namespace Jikimi.Domain.History;

/// <summary>
/// A certificate an organization held under an earlier scheme (K-ISMS, K-PIMS) or before it used Jikimi: number,
/// dates and scope as printed on it. A record of history only — it drives no audit, deadline or reminder.
/// </summary>
public sealed class PastCertificate : ITenantOwned
{
    public const int NumberMax = 100;
    public const int ScopeMax = 2000;

    /// <summary>Wire names: the legacy schemes and the current ones (a certificate from before Jikimi).</summary>
    public static readonly IReadOnlyList<string> Schemes = ["k-isms", "k-pims", "isms", "isms-p"];

    private PastCertificate()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Scheme { get; private set; } = string.Empty;
    public string Number { get; private set; } = string.Empty;
    public DateOnly IssuedOn { get; private set; }
    public DateOnly ExpiresOn { get; private set; }
    public string Scope { get; private set; } = string.Empty;
    public DateTime RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = string.Empty;

    public static Result<PastCertificate> Record(Guid organizationId, string? scheme, string? number, DateOnly issuedOn, DateOnly expiresOn, string? scope, string recordedBy, DateTime now)
    {
        var s = scheme?.Trim().ToLowerInvariant() ?? string.Empty;
        if (!Schemes.Contains(s, StringComparer.Ordinal))
        {
            return new PastCertificateInvalid("scheme", $"'{scheme}' is not a scheme; use {string.Join(", ", Schemes)}.");
        }

        var n = number?.Trim() ?? string.Empty;
        if (n.Length is 0 or > NumberMax)
        {
            return new PastCertificateInvalid("number", $"the certificate number is required (at most {NumberMax} characters).");
        }

        if (expiresOn <= issuedOn)
        {
            return new PastCertificateInvalid("expiresOn", "the certificate must expire after it was issued.");
        }

        var sc = scope?.Trim() ?? string.Empty;
        if (sc.Length is 0 or > ScopeMax)
        {
            return new PastCertificateInvalid("scope", $"the scope as printed on the certificate is required (at most {ScopeMax} characters).");
        }

        return new PastCertificate
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            Scheme = s,
            Number = n,
            IssuedOn = issuedOn,
            ExpiresOn = expiresOn,
            Scope = sc,
            RecordedAt = now,
            RecordedBy = recordedBy,
        };
    }
}

public sealed record PastCertificateInvalid(string Field, string Problem)
    : RuleError("past_certificate.invalid", $"The past certificate was not recorded: {Field}: {Problem}");

public sealed record PastCertificateExists(string Scheme, string Number)
    : ConflictError("past_certificate.exists", $"A {Scheme} certificate numbered {Number} is already recorded.");
