using System.ComponentModel.DataAnnotations;
using Jikimi.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Operations;

/// <summary>Background-job settings (section "Jobs").</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>How long a node holds a job after its last run; a node that died is replaced after this (fail-over bound).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(3);
}

/// <summary>
/// A database lease per background job, so one node runs it at a time and another takes over when the holder stops
/// renewing (ADR 0035). Plain EF Core with a concurrency token: the same on SQLite and PostgreSQL, no advisory locks.
/// </summary>
public sealed class JobLeases(JikimiDb db, TimeProvider clock)
{
    /// <summary>Takes or renews the lease; false when another holder's lease is still running or another node won the race.</summary>
    public async Task<bool> TryAcquireAsync(string job, string holder, TimeSpan duration, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = await db.Set<JobLease>().SingleOrDefaultAsync(l => l.Name == job, ct);
        if (lease is null)
        {
            db.Set<JobLease>().Add(new JobLease { Name = job, Holder = holder, ExpiresAt = now + duration, Token = Guid.NewGuid() });
        }
        else if (lease.Holder == holder || lease.ExpiresAt <= now)
        {
            lease.Holder = holder;
            lease.ExpiresAt = now + duration;
            lease.Token = Guid.NewGuid();
        }
        else
        {
            return false;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // A concurrent insert (primary key) or update (token) by another node: it holds the lease.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Lets the lease go at once (a clean stop), so another node need not wait for it to expire.</summary>
    public async Task ReleaseAsync(string job, string holder, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<JobLease>().Where(l => l.Name == job && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now).SetProperty(l => l.Token, Guid.NewGuid()), ct);
    }

    public Task<JobLease?> CurrentAsync(string job, CancellationToken ct) =>
        db.Set<JobLease>().AsNoTracking().SingleOrDefaultAsync(l => l.Name == job, ct);
}
