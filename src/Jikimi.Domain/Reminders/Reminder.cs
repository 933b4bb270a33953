using Jikimi.Domain.Common;

namespace Jikimi.Domain.Reminders;

public enum ReminderStatus
{
    /// <summary>Waiting for its time (or for a retry).</summary>
    Pending = 0,

    /// <summary>Claimed by one scheduler node until <see cref="Reminder.ClaimedUntil"/>.</summary>
    Sending = 1,

    Sent = 2,

    /// <summary>Gave up after the maximum number of attempts.</summary>
    Failed = 3,
}

/// <summary>
/// One reminder on one channel (an outbox row): created once per (kind, subject, due instant, channel) — a unique
/// key — and delivered by whichever scheduler node claims it first. The claim changes <see cref="ClaimToken"/>, the
/// row's concurrency token, so two nodes (or a node and its restarted self) can never both send it.
/// </summary>
public sealed class Reminder : ITenantOwned
{
    public const int MaxAttempts = 5;

    private Reminder()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }

    /// <summary>corrective_action_due, surveillance_due, certificate_expiring, evidence_expiring.</summary>
    public string Kind { get; private set; } = string.Empty;
    public string SubjectType { get; private set; } = string.Empty;
    public Guid SubjectId { get; private set; }

    /// <summary>The deadline the reminder is about (UTC midnight of the due day).</summary>
    public DateTime DueAt { get; private set; }

    /// <summary>in-app, email or webhook.</summary>
    public string Channel { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public string Body { get; private set; } = string.Empty;
    public ReminderStatus Status { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTime? ClaimedUntil { get; private set; }
    public Guid ClaimToken { get; private set; }
    public DateTime? SentAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTime? ReadAt { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static Reminder Create(Guid organizationId, string kind, string subjectType, Guid subjectId, DateTime dueAt, string channel, string title, string body, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = organizationId,
        Kind = kind,
        SubjectType = subjectType,
        SubjectId = subjectId,
        DueAt = dueAt,
        Channel = channel,
        Title = title,
        Body = body,
        Status = ReminderStatus.Pending,
        NextAttemptAt = now,
        ClaimToken = Guid.NewGuid(),
        CreatedAt = now,
    };

    public bool IsDue(DateTime now) =>
        (Status == ReminderStatus.Pending && NextAttemptAt <= now) || (Status == ReminderStatus.Sending && ClaimedUntil < now);

    /// <summary>Takes the reminder for one delivery attempt; saving it fails on a stale token if another node was first.</summary>
    public void Claim(DateTime now, TimeSpan lease)
    {
        Status = ReminderStatus.Sending;
        ClaimedUntil = now + lease;
        ClaimToken = Guid.NewGuid();
        Attempts++;
    }

    public void Delivered(DateTime now)
    {
        Status = ReminderStatus.Sent;
        SentAt = now;
        ClaimedUntil = null;
        LastError = null;
        ClaimToken = Guid.NewGuid();
    }

    /// <summary>A failed attempt: retried with a growing pause, until <see cref="MaxAttempts"/>.</summary>
    public void AttemptFailed(string error, DateTime now)
    {
        LastError = error.Length > 500 ? error[..500] : error;
        ClaimedUntil = null;
        ClaimToken = Guid.NewGuid();
        Status = Attempts >= MaxAttempts ? ReminderStatus.Failed : ReminderStatus.Pending;
        NextAttemptAt = now + TimeSpan.FromMinutes(Math.Pow(2, Attempts));
    }

    public void MarkRead(DateTime now) => ReadAt ??= now;
}
