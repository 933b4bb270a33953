using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Common;

/// <summary>Read cache settings (section "Cache").</summary>
public sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary>
    /// Longest a cached read model (readiness, control list) is kept. Entries are checked against the organization's
    /// audit-chain head on every read — every committed change appends to it, on any node — so this only bounds
    /// memory. Zero turns the read-model cache off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan Ttl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Longest a bearer token's principal or a membership is reused without the database. Changes on this node
    /// invalidate at once; this bounds how late another node sees a revocation. Zero turns it off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan SecurityTtl { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// In-process cache for hot reads. Read models are keyed to the organization's audit-chain head (read from the
/// database each time: exact across nodes and processes). Principals and memberships use a security generation
/// that changes to members, tokens, sessions and users bump on this node (AuditWriter calls <see cref="Changed"/>),
/// plus a short TTL for other nodes. Values are immutable records, shared between requests.
/// </summary>
public sealed class ReadCache(TimeProvider clock, IOptions<CacheOptions> options)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private long _security;

    private sealed record Entry(long Generation, DateTimeOffset Created, object Value);

    public long SecurityGeneration => Interlocked.Read(ref _security);

    /// <summary>
    /// The organization's audit-chain head: every committed change in it appends an event, so an unchanged head
    /// means unchanged data. One indexed lookup.
    /// </summary>
    public static Task<long> HeadAsync(Data.JikimiDb db, Guid organizationId, CancellationToken ct)
    {
        var chain = Domain.AuditTrail.AuditEvent.ChainOf(organizationId);
        return Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.AuditEvents.Where(e => e.Chain == chain).OrderByDescending(e => e.Sequence).Select(e => e.Sequence), ct);
    }

    /// <summary>Called after a committed change in an organization (null = system-level).</summary>
    public void Changed(Guid? organizationId, IEnumerable<string> actions)
    {
        if (actions.Any(a => a.StartsWith("member.", StringComparison.Ordinal) || a.StartsWith("api_token.", StringComparison.Ordinal)
                             || a.StartsWith("user.", StringComparison.Ordinal) || a.StartsWith("invitation.", StringComparison.Ordinal)
                             || a.StartsWith("setup.", StringComparison.Ordinal) || a.StartsWith("organization.", StringComparison.Ordinal)))
        {
            Interlocked.Increment(ref _security);
        }
    }

    public bool TryGet<T>(string key, long generation, out T value)
        where T : class
    {
        var ttl = key.StartsWith("auth:", StringComparison.Ordinal) || key.StartsWith("member:", StringComparison.Ordinal) ? options.Value.SecurityTtl : options.Value.Ttl;
        if (ttl > TimeSpan.Zero && _entries.TryGetValue(key, out var e) && e.Generation == generation && clock.GetUtcNow() - e.Created < ttl && e.Value is T v)
        {
            value = v;
            return true;
        }

        value = null!;
        return false;
    }

    public void Set(string key, long generation, object value)
    {
        if ((key.StartsWith("auth:", StringComparison.Ordinal) || key.StartsWith("member:", StringComparison.Ordinal) ? options.Value.SecurityTtl : options.Value.Ttl) <= TimeSpan.Zero)
        {
            return;
        }

        if (_entries.Count > 50_000)
        {
            _entries.Clear(); // crude bound; the working set of a dashboard is far smaller
        }

        _entries[key] = new Entry(generation, clock.GetUtcNow(), value);
    }

    public void Remove(string key) => _entries.TryRemove(key, out _);
}
