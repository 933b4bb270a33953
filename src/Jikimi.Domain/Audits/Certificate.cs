using Jikimi.Domain.Common;

namespace Jikimi.Domain.Audits;

public enum CertificateStatus
{
    Active = 0,
    Suspended = 1,
    Revoked = 2,
}

/// <summary>
/// A certificate issued on the committee's approval: number, scope, edition, body, issue date and expiry
/// (validity from <see cref="CertificationPolicy"/>, 3 years). Active → Suspended → Active or Revoked; Expired is
/// read from the date, never stored, so it cannot go stale.
/// </summary>
public sealed class Certificate : ITenantOwned
{
    private Certificate()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Number { get; private set; } = string.Empty;
    public string Certification { get; private set; } = string.Empty;
    public string Edition { get; private set; } = string.Empty;
    public string Scope { get; private set; } = string.Empty;
    public string? Body { get; private set; }
    public DateOnly IssuedOn { get; private set; }
    public DateOnly ExpiresOn { get; private set; }
    public CertificateStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public Guid AuditId { get; private set; }
    public Guid? PreviousId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public int Version { get; private set; }

    public static Result<Certificate> Issue(Guid organizationId, string? number, string certification, string edition, string? scope, string? body, DateOnly issuedOn, Guid auditId, Guid? previousId, CertificationPolicy policy, DateTime now)
    {
        var n = Text.Required("certificateNumber", number, 100);
        var s = Text.Optional("scope", scope, 20_000);
        if ((n.Error ?? s.Error) is { } e)
        {
            return e;
        }

        return new Certificate
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            Number = n.Value!,
            Certification = certification,
            Edition = edition,
            Scope = s.Value ?? string.Empty,
            Body = body,
            IssuedOn = issuedOn,
            ExpiresOn = issuedOn.AddYears(policy.ValidityYears).AddDays(-1),
            Status = CertificateStatus.Active,
            AuditId = auditId,
            PreviousId = previousId,
            CreatedAt = now,
        };
    }

    /// <summary>active, suspended, revoked or expired (an active or suspended certificate past its last day).</summary>
    public string EffectiveStatus(DateOnly today) => Status switch
    {
        CertificateStatus.Revoked => "revoked",
        _ when today > ExpiresOn => "expired",
        CertificateStatus.Suspended => "suspended",
        _ => "active",
    };

    public Result Suspend(string? reason, DateOnly today) => Move(CertificateStatus.Active, CertificateStatus.Suspended, "suspended", reason, today);

    public Result Reinstate(string? reason, DateOnly today) => Move(CertificateStatus.Suspended, CertificateStatus.Active, "reinstated", reason, today);

    public Result Revoke(string? reason, DateOnly today)
    {
        if (Status == CertificateStatus.Suspended)
        {
            return Move(CertificateStatus.Suspended, CertificateStatus.Revoked, "revoked", reason, today);
        }

        return Move(CertificateStatus.Active, CertificateStatus.Revoked, "revoked", reason, today);
    }

    private Result Move(CertificateStatus from, CertificateStatus to, string action, string? reason, DateOnly today)
    {
        var state = EffectiveStatus(today);
        if (Status != from || state == "expired")
        {
            return new CertificateWrongState(action, state);
        }

        var r = Text.Required("reason", reason, 4000);
        if (r.Error is { } e)
        {
            return e;
        }

        Status = to;
        StatusReason = r.Value;
        Version++;
        return Result.Ok;
    }

    /// <summary>When the next surveillance audit is due after an audit held on <paramref name="heldOn"/> (or the issue), or null when the renewal audit comes next.</summary>
    public DateOnly? NextSurveillanceDue(DateOnly heldOn, CertificationPolicy policy)
    {
        var due = heldOn.AddMonths(policy.SurveillanceIntervalMonths);
        return due >= RenewalApplicationDue(policy) ? null : due;
    }

    /// <summary>The last day to apply for renewal: <c>RenewalLeadMonths</c> before expiry (고시 제28조 [S]).</summary>
    public DateOnly RenewalApplicationDue(CertificationPolicy policy) => ExpiresOn.AddMonths(-policy.RenewalLeadMonths);

    /// <summary>The renewal audit (and the decision) must be done while the certificate is still valid.</summary>
    public DateOnly RenewalAuditDue => ExpiresOn;
}
