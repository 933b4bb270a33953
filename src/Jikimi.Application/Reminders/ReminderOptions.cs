using System.ComponentModel.DataAnnotations;

namespace Jikimi.Application.Reminders;

/// <summary>Reminders (section "Reminders"): when they fire, how the scheduler polls, and the e-mail and webhook channels.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Runs the background scheduler in the server (in-app notifications need nothing else).</summary>
    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one node holds a claimed reminder before another may retry it (a node that died mid-send).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    [Range(0, 365)]
    public int CorrectiveActionLeadDays { get; set; } = 7;

    [Range(0, 365)]
    public int AuditLeadDays { get; set; } = 30;

    [Range(0, 365)]
    public int CertificateLeadDays { get; set; } = 90;

    /// <summary>How long before the last day to apply for renewal (expiry − Certification:RenewalLeadMonths) its reminder is planned.</summary>
    [Range(0, 365)]
    public int RenewalApplicationLeadDays { get; set; } = 30;

    [Range(0, 365)]
    public int EvidenceLeadDays { get; set; } = 14;

    /// <summary>Days before a cloud provider's certificate (ISMS, ISMS-P) ends that organizations inheriting from it are reminded.</summary>
    [Range(1, 365)]
    public int ProviderCertificateLeadDays { get; set; } = 60;
    /// <summary>How long before a policy's yearly review is due its reminder is planned.</summary>
    [Range(0, 365)]
    public int PolicyReviewLeadDays { get; set; } = 30;

    /// <summary>How long before a data subject's request must be answered its reminder is planned (the statutory period is 10 days).</summary>
    [Range(0, 30)]
    public int SubjectRequestLeadDays { get; set; } = 3;

    /// <summary>How long before a committee meeting's action item is due its reminder is planned.</summary>
    [Range(0, 365)]
    public int MeetingActionLeadDays { get; set; } = 7;

    public SmtpSettings Email { get; set; } = new();

    public WebhookSettings Webhook { get; set; } = new();

    public IEnumerable<string> Channels()
    {
        yield return ReminderChannels.InApp;
        if (Email.Enabled)
        {
            yield return ReminderChannels.Email;
        }

        if (!string.IsNullOrWhiteSpace(Webhook.Url))
        {
            yield return ReminderChannels.Webhook;
        }
    }

    public static bool IsValid(ReminderOptions o) =>
        (!o.Email.Enabled || (!string.IsNullOrWhiteSpace(o.Email.Host) && o.Email.Port is > 0 and < 65536 && !string.IsNullOrWhiteSpace(o.Email.From)))
        && (string.IsNullOrWhiteSpace(o.Webhook.Url) || (Uri.TryCreate(o.Webhook.Url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"));
}

/// <summary>SMTP for e-mail reminders (off by default). Recipients: the organization's administrators and compliance managers.</summary>
public sealed class SmtpSettings
{
    public bool Enabled { get; set; }
    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>none, starttls or tls.</summary>
    public string Security { get; set; } = "none";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "jikimi@localhost";
}

/// <summary>An HTTP POST per reminder, signed: X-Jikimi-Signature: sha256=HMAC-SHA256(secret, body) in hex.</summary>
public sealed class WebhookSettings
{
    public string? Url { get; set; }
    public string? Secret { get; set; }
}
