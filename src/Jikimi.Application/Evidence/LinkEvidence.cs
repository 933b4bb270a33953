using Jikimi.Application.AuditTrail;
using Jikimi.Application.Assessments;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Evidence;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Evidence;

/// <summary>Links evidence to a control (and optionally a check item) of an assessment; unlinks it.</summary>
public sealed class LinkEvidence(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<EvidenceUseView>> Handle(OrgAccess access, Guid evidenceId, EvidenceTarget target, CancellationToken ct)
    {
        var item = await db.Evidence.FirstOrDefaultAsync(e => e.Id == evidenceId, ct);
        if (item is null)
        {
            return new NotFound("evidence", evidenceId.ToString());
        }

        if (item.IsDeleted)
        {
            return new EvidenceDeleted(evidenceId);
        }

        var link = await ResolveAsync(db, access, item, target, clock.GetUtcNow().UtcDateTime, ct);
        if (link.Error is { } e)
        {
            return e;
        }

        db.EvidenceLinks.Add(link.Value!);
        audit.Record(access, AuditActions.EvidenceLinked, "evidence", item.Id, new { target.AssessmentId, target.ControlId, target.CheckItemId });
        var saved = await audit.SaveAsync(ct);
        var year = await db.Assessments.Where(a => a.Id == target.AssessmentId).Select(a => a.Year).FirstAsync(ct);
        return saved.Error is { } se ? se : new EvidenceUseView(link.Value!.Id, target.AssessmentId, year, target.ControlId, link.Value.CheckItemId);
    }

    public async Task<Result> Unlink(OrgAccess access, Guid evidenceId, Guid linkId, CancellationToken ct)
    {
        var link = await db.EvidenceLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.EvidenceId == evidenceId, ct);
        if (link is null)
        {
            return new NotFound("evidence_link", linkId.ToString());
        }

        var ca = await db.ControlAssessments.AsNoTracking().FirstAsync(c => c.Id == link.ControlAssessmentId, ct);
        if (ControlAccess.Check(access, ca).Error is { } denied)
        {
            return denied;
        }

        db.EvidenceLinks.Remove(link);
        audit.Record(access, AuditActions.EvidenceUnlinked, "evidence", evidenceId, new { ca.ControlId, link.CheckItemId });
        return await audit.SaveAsync(ct);
    }

    /// <summary>Checks the target exists in this organization and the actor may work on it.</summary>
    internal static async Task<Result<EvidenceLink>> ResolveAsync(JikimiDb db, OrgAccess access, EvidenceItem item, EvidenceTarget target, DateTime now, CancellationToken ct)
    {
        var ca = await db.ControlAssessments.AsNoTracking().FirstOrDefaultAsync(c => c.AssessmentId == target.AssessmentId && c.ControlId == target.ControlId, ct);
        if (ca is null)
        {
            return new NotFound("control", $"{target.AssessmentId}/{target.ControlId}");
        }

        if (ControlAccess.Check(access, ca).Error is { } denied)
        {
            return denied;
        }

        var checkItem = string.IsNullOrWhiteSpace(target.CheckItemId) ? string.Empty : target.CheckItemId.Trim();
        if (checkItem.Length > 0 && !await db.CheckItemAssessments.AnyAsync(i => i.ControlAssessmentId == ca.Id && i.CheckItemId == checkItem, ct))
        {
            return new NotFound("check_item", $"{target.ControlId}/{checkItem}");
        }

        if (await db.EvidenceLinks.AnyAsync(l => l.EvidenceId == item.Id && l.ControlAssessmentId == ca.Id && l.CheckItemId == checkItem, ct)
            || db.EvidenceLinks.Local.Any(l => l.EvidenceId == item.Id && l.ControlAssessmentId == ca.Id && l.CheckItemId == checkItem))
        {
            return new EvidenceAlreadyLinked();
        }

        return EvidenceLink.Create(item, ca.Id, checkItem, now);
    }
}
