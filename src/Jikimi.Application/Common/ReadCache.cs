using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Common;

/// <summary>Read cache settings (section "Cache").</summary>
public sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary>
    /// Longest a cached read (readiness, control list, a bearer token's principal) is served without looking at the
    /// database. Writes on this node invalidate at once; this bounds how late another node (PostgreSQL, several
    /// nodes) sees them. Zero turns caching off. The server's default: 30 s on SQLite (one node), 5 s on PostgreSQL.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan Ttl { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// In-process cache for hot reads. Each organization has a generation that every committed change in it bumps
/// (AuditWriter calls <see cref="Changed"/> after each save), and a security generation bumped by changes to
/// members, tokens, sessions and users. An entry is served only while its generation is current and it is younger
/// than the TTL. Values are immutable records, shared between requests.
/// </summary>
public sealed class ReadCache(TimeProvider clock, IOptions<CacheOptions> options)
{
    private readonly ConcurrentDictionary<Guid, long> _generations = new();
    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private long _security;

    private sealed record Entry(long Generation, DateTimeOffset Created, object Value);

    public long Generation(Guid organizationId) => _generations.GetValueOrDefault(organizationId);

    public long SecurityGeneration => Interlocked.Read(ref _security);

    /// <summary>Called after a committed change in an organization (null = system-level).</summary>
    public void Changed(Guid? organizationId, IEnumerable<string> actions)
    {
        if (organizationId is { } org)
        {
            _generations.AddOrUpdate(org, 1, (_, g) => g + 1);
        }

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
        var ttl = options.Value.Ttl;
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
        if (options.Value.Ttl <= TimeSpan.Zero)
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
