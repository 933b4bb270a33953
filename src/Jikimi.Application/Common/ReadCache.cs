using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Common;

/// <summary>Read cache settings (section "Cache").</summary>
public sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary>
    /// How a cached read model (readiness, control list) learns about changes. "database": it looks up the
    /// organization's audit-chain head on every read — exact across nodes and processes, one query per read.
    /// "process" (the server's default): a counter per organization in this process, bumped by this process's writes
    /// and, on PostgreSQL, by other nodes' NOTIFY messages; the TTL bounds anything missed (another process writing
    /// to the SQLite file, a lost notification).
    /// </summary>
    [RegularExpression("^(database|process)$")]
    public string Coherence { get; set; } = "database";

    /// <summary>Longest a read model is kept (default 5 min; 30 s in "process" mode). Zero turns the cache off.</summary>
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
    private readonly ConcurrentDictionary<Guid, long> _generations = new();
    private long _security;

    private sealed record Entry(long Generation, DateTimeOffset Expires, object Value);

    public long SecurityGeneration => Interlocked.Read(ref _security);

    /// <summary>
    /// The organization's audit-chain head: every committed change in it appends an event, so an unchanged head
    /// means unchanged data. One indexed lookup.
    /// </summary>
    // Compiled once per cache, i.e. per application (a compiled query is bound to one model, and tests run both providers).
    private readonly Func<Data.JikimiDb, string, Task<long>> _head = Microsoft.EntityFrameworkCore.EF.CompileAsyncQuery(
        (Data.JikimiDb db, string chain) => db.AuditEvents.Where(e => e.Chain == chain).OrderByDescending(e => e.Sequence).Select(e => e.Sequence).FirstOrDefault());

    /// <summary>The version a read model of this organization is keyed to, per <see cref="CacheOptions.Coherence"/>.</summary>
    public Task<long> VersionAsync(Data.JikimiDb db, Guid organizationId) =>
        options.Value.Coherence == "process"
            ? Task.FromResult(_generations.GetValueOrDefault(organizationId))
            : _head(db, Domain.AuditTrail.AuditEvent.ChainOf(organizationId));

    /// <summary>Called after a committed change in an organization (null = system-level).</summary>
    /// <summary>Returns whether the change touched security (members, tokens, sessions, users).</summary>
    public bool Changed(Guid? organizationId, IEnumerable<string> actions)
    {
        var security = actions.Any(a => a.StartsWith("member.", StringComparison.Ordinal) || a.StartsWith("api_token.", StringComparison.Ordinal)
                                        || a.StartsWith("user.", StringComparison.Ordinal) || a.StartsWith("invitation.", StringComparison.Ordinal)
                                        || a.StartsWith("setup.", StringComparison.Ordinal) || a.StartsWith("organization.", StringComparison.Ordinal));
        ChangedElsewhere(organizationId, security);
        return security;
    }

    /// <summary>A change reported by another node (or this one).</summary>
    public void ChangedElsewhere(Guid? organizationId, bool security)
    {
        if (organizationId is { } org)
        {
            _generations.AddOrUpdate(org, 1, (_, g) => g + 1);
        }

        if (security)
        {
            Interlocked.Increment(ref _security);
        }
    }

    /// <summary>Forget everything (e.g. the change feed lost its connection and may have missed changes).</summary>
    public void Reset()
    {
        _entries.Clear();
        Interlocked.Increment(ref _security);
    }

    public bool TryGet<T>(string key, long generation, out T value)
        where T : class
    {
        if (_entries.TryGetValue(key, out var e) && e.Generation == generation && clock.GetUtcNow() < e.Expires && e.Value is T v)
        {
            value = v;
            return true;
        }

        value = null!;
        return false;
    }

    public void Set(string key, long generation, object value)
    {
        var ttl = key.StartsWith("auth:", StringComparison.Ordinal) || key.StartsWith("member:", StringComparison.Ordinal) ? options.Value.SecurityTtl : options.Value.Ttl;
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

        if (_entries.Count > 50_000)
        {
            _entries.Clear(); // crude bound; the working set of a dashboard is far smaller
        }

        // 80–100 % of the TTL, so entries made together do not all expire together.
        _entries[key] = new Entry(generation, clock.GetUtcNow() + (ttl * (0.8 + (0.2 * Random.Shared.NextDouble()))), value);
    }

    public void Remove(string key) => _entries.TryRemove(key, out _);
}
