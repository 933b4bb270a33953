using System.Text;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Evidence;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Programme;

/// <summary>
/// Turns an operating record (a policy approval, the request log) into evidence by itself: a generated text record
/// stored as an evidence version and linked to the controls it supports in the newest assessment — the same evidence
/// model an upload uses. The caller's pending change and audit event commit with it in one save; with no assessment
/// the evidence is kept unlinked.
/// </summary>
public static class ProgrammeEvidence
{
    public sealed record Record(Guid? ExistingId, string Source, string Title, string Description, IReadOnlyList<string> Controls, string Body, string FileName, DateOnly EffectiveDate, int RefreshIntervalDays);

    /// <summary>Saves the caller's pending changes together with the evidence; returns the evidence id.</summary>
    public static async Task<Result<Guid>> SaveWith(JikimiDb db, UploadEvidence upload, OrgAccess access, Record r, CancellationToken ct)
    {
        var assessment = await db.Assessments.AsNoTracking().OrderByDescending(a => a.Year).ThenByDescending(a => a.CreatedAt).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        var targets = new List<EvidenceTarget>();
        if (assessment is { } aid)
        {
            var inAssessment = await db.ControlAssessments.AsNoTracking().Where(c => c.AssessmentId == aid && r.Controls.Contains(c.ControlId)).Select(c => new { c.Id, c.ControlId }).ToListAsync(ct);
            var linked = r.ExistingId is { } eid
                ? await db.EvidenceLinks.AsNoTracking().Where(l => l.EvidenceId == eid && l.CheckItemId == string.Empty).Select(l => l.ControlAssessmentId).ToListAsync(ct)
                : [];
            targets.AddRange(inAssessment.Where(c => !linked.Contains(c.Id)).Select(c => new EvidenceTarget(aid, c.ControlId, null)));
        }

        var existing = r.ExistingId is { } id && await db.Evidence.AnyAsync(e => e.Id == id && e.DeletedAt == null, ct) ? r.ExistingId : null;
        var stored = await upload.Store(new MemoryStream(Encoding.UTF8.GetBytes(r.Body)), ct);
        if (stored.Error is { } se)
        {
            return se;
        }

        var recorded = await upload.Record(access, existing, new UploadEvidenceRequest(r.Title, r.Description, r.EffectiveDate, r.RefreshIntervalDays, targets, r.Source), stored.Value!, r.FileName, ct);
        return recorded.Error is { } re ? re : recorded.Value!.Id;
    }
}
