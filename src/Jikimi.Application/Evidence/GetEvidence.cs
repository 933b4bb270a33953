using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Evidence;

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
