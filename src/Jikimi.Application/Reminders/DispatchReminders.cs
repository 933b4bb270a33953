using Jikimi.Application.Data;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Reminders;

public sealed record DispatchReport(int Sent, int Failed, int Skipped);

/// <summary>
/// Delivers due reminders. Each is claimed first — status, lease and a fresh concurrency token saved on their own —
/// so when two nodes (or a restarted node) race, exactly one claim commits and only that node sends. A node that
/// dies mid-send leaves a lapsed lease; the reminder is retried after it.
/// </summary>
public sealed partial class DispatchReminders(JikimiDb db, TimeProvider clock, IOptions<ReminderOptions> options, IEnumerable<IReminderChannel> channels, ILogger<DispatchReminders> log)
{
    public async Task<DispatchReport> Handle(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;

        // Only channels configured on this node: a node without SMTP settings leaves e-mail to one that has them.
        var enabled = options.Value.Channels().Where(c => channels.Any(x => x.Name == c)).ToList();
        var due = await db.Reminders.IgnoreQueryFilters()
            .Where(r => enabled.Contains(r.Channel))
            .Where(r => (r.Status == ReminderStatus.Pending && r.NextAttemptAt <= now) || (r.Status == ReminderStatus.Sending && r.ClaimedUntil < now))
            .OrderBy(r => r.NextAttemptAt)
            .Take(100)
            .ToListAsync(ct);
        int sent = 0, failed = 0, skipped = 0;
        foreach (var r in due)
        {
            r.Claim(now, options.Value.ClaimLease);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.Entry(r).State = EntityState.Detached; // another node claimed it first
                skipped++;
                continue;
            }

            var channel = channels.FirstOrDefault(c => c.Name == r.Channel);
            try
            {
                if (channel is null)
                {
                    throw new InvalidOperationException($"no '{r.Channel}' channel is configured");
                }

                await channel.DeliverAsync(await MessageAsync(r, ct), ct);
                r.Delivered(clock.GetUtcNow().UtcDateTime);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                r.AttemptFailed(ex.GetType().Name + ": " + ex.Message, clock.GetUtcNow().UtcDateTime);
                LogFailed(log, r.Id, r.Channel, r.Attempts, ex.GetType().Name);
                failed++;
            }

            await db.SaveChangesAsync(CancellationToken.None); // record the outcome even when shutting down
        }

        return new DispatchReport(sent, failed, skipped);
    }

    private async Task<ReminderMessage> MessageAsync(Reminder r, CancellationToken ct)
    {
        var orgName = await db.Organizations.AsNoTracking().Where(o => o.Id == r.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? string.Empty;
        IReadOnlyList<string> recipients = r.Channel != ReminderChannels.Email ? []
            : r.SubjectType == Accounts.AccountNotices.SubjectType
            ? await db.Users.AsNoTracking().Where(u => u.Id == r.SubjectId).Select(u => u.Email!).ToListAsync(ct)
            : await db.Memberships.IgnoreQueryFilters().AsNoTracking()
                .Where(m => m.OrganizationId == r.OrganizationId && m.Role >= Role.ComplianceManager)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email!)
                .ToListAsync(ct);
        return new ReminderMessage(r.Id, r.OrganizationId, orgName, r.Kind, r.SubjectType, r.SubjectId, r.DueAt, r.Title, r.Body, recipients);
    }

    // Ids and counts only: never the recipients or the text.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {ReminderId} on {Channel} failed (attempt {Attempt}): {ErrorType}")]
    private static partial void LogFailed(ILogger logger, Guid reminderId, string channel, int attempt, string errorType);
}
