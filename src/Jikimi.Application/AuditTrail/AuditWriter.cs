using System.Text.Json;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.AuditTrail;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.AuditTrail;

/// <summary>
/// Appends audit events to the unit of work and saves them with the change they describe, in one transaction.
/// Chains are per organization: the next event links to the chain's head; if another writer appended first, the
/// unique (chain, sequence) index rejects ours and the events are re-linked and saved again.
/// </summary>
public sealed class AuditWriter(JikimiDb db, TimeProvider clock, ReadCache cache, IChangeFeed feed)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<PendingEvent> _pending = [];

    private sealed record PendingEvent(Guid? OrganizationId, Actor Actor, string Action, string EntityType, string EntityId, string Summary, DateTime At)
    {
        public AuditEvent? Entity { get; set; }
    }

    public void Record(Guid? organizationId, Actor actor, string action, string entityType, object entityId, object? summary = null)
    {
        var text = summary is null ? "{}" : JsonSerializer.Serialize(summary, Json);
        _pending.Add(new PendingEvent(organizationId, actor, action, entityType, Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, text, clock.GetUtcNow().UtcDateTime));
    }

    public void Record(OrgAccess access, string action, string entityType, object entityId, object? summary = null) =>
        Record(access.OrganizationId, access.Actor, action, entityType, entityId, summary);

    /// <summary>Saves the unit of work and its events atomically. Stale concurrency tokens come back as a 409 error.</summary>
    public async Task<Result> SaveAsync(CancellationToken ct, string entityForConflicts = "record")
    {
        for (var attempt = 1; ; attempt++)
        {
            await LinkPendingAsync(ct);
            try
            {
                await db.SaveChangesAsync(ct);
                var changes = new List<(Guid, bool)>();
                foreach (var org in _pending.GroupBy(p => p.OrganizationId))
                {
                    var security = cache.Changed(org.Key, org.Select(p => p.Action));
                    changes.Add((org.Key ?? Guid.Empty, security));
                }

                _pending.Clear();
                await feed.PublishAsync(changes, CancellationToken.None); // committed: tell the other nodes
                return Result.Ok;
            }
            catch (DbUpdateConcurrencyException)
            {
                return new ConcurrentEdit(entityForConflicts);
            }
            catch (DbUpdateException ex) when (attempt < 8 && ex.Entries.Any(e => e.Entity is AuditEvent))
            {
                // Another writer took our sequence number: unlink our events and try again on the new head.
                foreach (var p in _pending.Where(p => p.Entity is not null))
                {
                    db.Entry(p.Entity!).State = EntityState.Detached;
                    p.Entity = null;
                }

                await Task.Delay(Random.Shared.Next(2, 15) * attempt, ct);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                return new DuplicateRecord(entityForConflicts); // lost a race with another request: 409, not 500
            }
        }
    }

    private async Task LinkPendingAsync(CancellationToken ct)
    {
        foreach (var chainGroup in _pending.GroupBy(p => AuditEvent.ChainOf(p.OrganizationId)))
        {
            var chain = chainGroup.Key;
            var head = await db.AuditEvents.IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.Chain == chain)
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(ct);
            var sequence = head?.Sequence ?? 0;
            var previous = head?.Hash ?? AuditEvent.Genesis(chain);
            foreach (var p in chainGroup)
            {
                var e = AuditEvent.Create(chain, ++sequence, previous, p.OrganizationId, p.At, p.Actor.UserId == Guid.Empty ? null : p.Actor.UserId, p.Actor.Name, p.Action, p.EntityType, p.EntityId, p.Summary);
                p.Entity = e;
                db.AuditEvents.Add(e);
                previous = e.Hash;
            }
        }
    }
}
