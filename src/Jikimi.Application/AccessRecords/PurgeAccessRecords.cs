using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.AccessRecords;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.AccessRecords;

/// <summary>
/// Deletes the files of the segments whose retention has passed (the longer of the rule of their day and today's, or
/// the organization's longer period) and keeps each row as the purge record: day, count, hashes, when and who. The raw
/// input of an ingest goes only when every segment that came from it is purged. Administrators only.
/// </summary>
public sealed class PurgeAccessRecords(JikimiDb db, AuditWriter audit, TimeProvider clock, AccessRecordStore store)
{
    public async Task<Result<PurgeView>> Handle(OrgAccess access, Guid systemId, CancellationToken ct)
    {
        var system = await db.Set<ProcessingSystem>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == systemId, ct);
        if (system is null)
        {
            return new NotFound("processing_system", systemId.ToString());
        }

        if (access.Require(Permissions.CanAdminister, "purge access records").Error is { } denied)
        {
            return denied;
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(SegmentWriter.Kst).DateTime);
        var rules = AccessRecordRetentionRules.Embedded;
        var rows = await db.Set<AccessRecordSegment>().Where(s => s.SystemId == systemId && s.PurgedAt == null).OrderBy(s => s.Sequence).ToListAsync(ct);
        var due = rows.Where(s => system.MayPurge(rules, s.Day, today)).ToList();
        if (due.Count == 0)
        {
            return new PurgeView(system.Id, [], rows.Count, today);
        }

        foreach (var s in due)
        {
            s.Purge(access.Actor.UserId, now.UtcDateTime);
        }

        var keptRaw = rows.Except(due).Select(s => s.RawPath).ToHashSet(StringComparer.Ordinal);
        audit.Record(access, AuditActions.AccessRecordsPurged, "processing_system", system.Id, new
        {
            today,
            segments = due.Select(s => new { s.Sequence, s.Day, s.Records, s.Sha256, s.RawSha256, keepUntil = system.KeepUntil(rules, s.Day, today) }),
        });
        var saved = await audit.SaveAsync(ct, "access-record segment");
        if (saved.Error is { } e)
        {
            return e;
        }

        // Files go after the rows say so: a crash in between leaves files verify skips, never rows pointing at nothing.
        foreach (var s in due)
        {
            store.Delete(s.Path);
            if (!keptRaw.Contains(s.RawPath))
            {
                store.Delete(s.RawPath);
            }
        }

        return new PurgeView(system.Id, due.Select(SegmentView.Of).ToList(), rows.Count - due.Count, today);
    }
}
