using Jikimi.Application.Data;
using Jikimi.Application.Reminders;
using Jikimi.Domain.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Accounts;

/// <summary>
/// Tells a member that their password, second factor or API tokens changed (ASVS 2.2.3/2.5.5, ADR 0068), through the
/// reminder outbox the product already delivers: an in-app notification and, when SMTP is set up, an e-mail to that
/// member alone (never the webhook, which speaks for the organization). The notice is a row of the member's first
/// organization, queued in the change's own unit of work, so it is sent exactly when the change was saved.
/// Only the member sees it: the notification list and the e-mail recipients follow <see cref="SubjectType"/>.
/// </summary>
public static class AccountNotices
{
    /// <summary>The reminders' subject type for a notice meant for one person (the subject id is the user id).</summary>
    public const string SubjectType = "user";

    public const string PasswordChanged = "account_password_changed";
    public const string MfaChanged = "account_mfa_changed";
    public const string TokensChanged = "account_tokens_changed";

    /// <summary>Queues the notice in <paramref name="organizationId"/> (an API token's organization) or the member's first one.</summary>
    public static async Task QueueAsync(JikimiDb db, ReminderOptions options, Guid userId, string kind, DateTime now, CancellationToken ct, Guid? organizationId = null)
    {
        var org = organizationId ?? await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == userId)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.OrganizationId).Select(m => (Guid?)m.OrganizationId).FirstOrDefaultAsync(ct);
        if (org is not { } inOrganization)
        {
            return; // an instance administrator outside every organization: the audit event is all there is
        }

        var (title, body) = Text(kind, now);
        foreach (var channel in options.Channels().Where(c => c is ReminderChannels.InApp or ReminderChannels.Email))
        {
            // One notice per kind, member, instant and channel (the reminders' unique key): two changes in the same
            // instant (a clock that stands still in tests, a script) are one "your tokens changed".
            if (db.Reminders.Local.Any(r => r.Kind == kind && r.SubjectId == userId && r.DueAt == now && r.Channel == channel)
                || await db.Reminders.IgnoreQueryFilters().AnyAsync(r => r.Kind == kind && r.SubjectId == userId && r.DueAt == now && r.Channel == channel, ct))
            {
                continue;
            }

            db.Reminders.Add(Reminder.Create(inOrganization, kind, SubjectType, userId, now, channel, title, body, now));
        }
    }

    private static (string Title, string Body) Text(string kind, DateTime now)
    {
        var (ko, en) = kind switch
        {
            PasswordChanged => ("비밀번호가 변경되었습니다", "Your password was changed"),
            MfaChanged => ("2단계 인증 설정이 변경되었습니다", "Your two-step verification settings were changed"),
            _ => ("API 토큰이 발급 또는 폐기되었습니다", "An API token of yours was created or revoked"),
        };
        var at = now.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        return ($"{ko} / {en}",
            $"{at}: {ko}. 본인이 한 변경이 아니면 바로 비밀번호를 바꾸고 관리자에게 알리세요. / {en} at {at}. If this was not you, change your password now and tell your administrator.");
    }
}
