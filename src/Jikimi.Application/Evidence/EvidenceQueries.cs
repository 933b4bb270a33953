using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Evidence;

public sealed record EvidenceFilter(string? Query = null, int? ExpiringWithinDays = null, bool IncludeDeleted = false, int Skip = 0, int Take = 100);

/// <summary>The evidence library: search, expiring soon, and how often each is used.</summary>
public sealed class ListEvidence(JikimiDb db, TimeProvider clock)
{
    public async Task<Page<EvidenceView>> Handle(OrgAccess access, EvidenceFilter f, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var q = Audits.AuditorReach.VisibleEvidence(db, access).AsNoTracking();
        if (!f.IncludeDeleted)
        {
            q = q.Where(e => e.DeletedAt == null);
        }

        if (!string.IsNullOrWhiteSpace(f.Query))
        {
            var words = f.Query.Trim();
            q = q.Where(e => e.Title.Contains(words) || (e.Description != null && e.Description.Contains(words)));
        }

        if (f.ExpiringWithinDays is { } days)
        {
            var limit = today.AddDays(days);
            q = q.Where(e => e.ExpiresOn != null && e.ExpiresOn <= limit);
        }

        var take = Math.Clamp(f.Take, 1, 500);
        var skip = Math.Max(0, f.Skip);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(e => e.ExpiresOn == null).ThenBy(e => e.ExpiresOn).ThenBy(e => e.Title).Skip(skip).Take(take)
            .Select(e => new { e, Uses = db.EvidenceLinks.Count(l => l.EvidenceId == e.Id) })
            .ToListAsync(ct);
        return new Page<EvidenceView>(rows.Select(r => GetEvidence.View(r.e, r.Uses, today)).ToList(), total, skip, take);
    }
}

public sealed class GetEvidence(JikimiDb db, TimeProvider clock)
{
    public async Task<Result<EvidenceView>> Handle(OrgAccess access, Guid id, CancellationToken ct)
    {
        var e = await Audits.AuditorReach.VisibleEvidence(db, access).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return new NotFound("evidence", id.ToString());
        }

        var versions = await db.EvidenceVersions.AsNoTracking().Where(v => v.EvidenceId == id).OrderByDescending(v => v.Number)
            .Select(v => new EvidenceVersionView(v.Number, v.FileName, v.ContentType, v.Size, v.Sha256, v.EffectiveDate, v.UploadedAt, v.UploadedBy))
            .ToListAsync(ct);
        var uses = await db.EvidenceLinks.AsNoTracking().Where(l => l.EvidenceId == id)
            .Join(db.ControlAssessments, l => l.ControlAssessmentId, c => c.Id, (l, c) => new { l, c })
            .Join(db.Assessments, x => x.c.AssessmentId, a => a.Id, (x, a) => new EvidenceUseView(x.l.Id, a.Id, a.Year, x.c.ControlId, x.l.CheckItemId))
            .ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return View(e, uses.Count, today) with { Versions = versions, UsedIn = uses.OrderByDescending(u => u.Year).ThenBy(u => u.ControlId, Catalog.Search.ControlIdComparer.Instance).ToList() };
    }

    internal static EvidenceView View(Domain.Evidence.EvidenceItem e, int uses, DateOnly today) =>
        new(e.Id, e.Title, e.Description, e.Source, e.RefreshIntervalDays, e.EffectiveDate, e.ExpiresOn, e.IsExpired(today), e.CurrentVersion, e.CreatedAt, e.IsDeleted, e.Version, uses);
}

/// <summary>Opens a version (default: the current one) for download. Deleted evidence is not served.</summary>
public sealed class DownloadEvidence(JikimiDb db, IEvidenceStore store)
{
    public async Task<Result<DownloadedEvidence>> Handle(OrgAccess access, Guid id, int? versionNumber, CancellationToken ct)
    {
        var e = await Audits.AuditorReach.VisibleEvidence(db, access).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.DeletedAt == null, ct);
        var number = versionNumber ?? e?.CurrentVersion;
        var v = e is null ? null : await db.EvidenceVersions.AsNoTracking().FirstOrDefaultAsync(x => x.EvidenceId == id && x.Number == number, ct);
        if (v is null)
        {
            return new NotFound("evidence_version", $"{id}/{versionNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "current"}");
        }

        var stream = await store.OpenAsync(v.Sha256, ct);
        return stream is null ? new NotFound("evidence_content", v.Sha256) : new DownloadedEvidence(stream, v.FileName, v.ContentType, v.Size, v.Sha256);
    }
}
