using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Reminders;

public sealed record NotificationView(Guid Id, string Kind, string SubjectType, Guid SubjectId, DateOnly DueOn, string Title, string Body, DateTime? SentAt);

/// <summary>The organization's in-app notifications (reminders delivered in-app), newest first.</summary>
public sealed class ListNotifications(JikimiDb db)
{
    public async Task<Result<IReadOnlyList<NotificationView>>> Handle(OrgAccess access, int take, CancellationToken ct)
    {
        if (access.Role == Role.Auditor)
        {
            return new Forbidden("see the organization's notifications");
        }

        var rows = await db.Reminders.AsNoTracking()
            .Where(r => r.Channel == ReminderChannels.InApp && r.Status == ReminderStatus.Sent)
            .Where(r => r.SubjectType != Accounts.AccountNotices.SubjectType || r.SubjectId == access.Actor.UserId) // a member's own notices
            .OrderByDescending(r => r.SentAt).ThenBy(r => r.Id)
            .Take(Math.Clamp(take, 1, 500))
            .ToListAsync(ct);
        return rows.Select(r => new NotificationView(r.Id, r.Kind, r.SubjectType, r.SubjectId, DateOnly.FromDateTime(r.DueAt), r.Title, r.Body, r.SentAt)).ToList();
    }
}
