using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Assessments;

/// <summary>One control of an assessment: criterion, check items with results, evidence, comments and history.</summary>
public sealed class GetControl(JikimiDb db, TimeProvider clock)
{
    public async Task<Result<ControlDetail>> Handle(OrgAccess access, Guid assessmentId, string controlId, CancellationToken ct)
    {
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, ct);
        var ca = assessment is null ? null : await db.ControlAssessments.AsNoTracking().FirstOrDefaultAsync(c => c.AssessmentId == assessmentId && c.ControlId == controlId, ct);
        if (assessment is null || ca is null)
        {
            return new NotFound("control", $"{assessmentId}/{controlId}");
        }

        var edition = ControlQueries.EditionOf(assessment.Edition);
        var control = edition.Find(controlId);
        var items = await db.CheckItemAssessments.AsNoTracking().Where(i => i.ControlAssessmentId == ca.Id).OrderBy(i => i.Number).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var counts = new ResultCounts(
            items.Count(i => i.Result == CheckResult.Fulfilled),
            items.Count(i => i.Result == CheckResult.Partial),
            items.Count(i => i.Result == CheckResult.NotFulfilled),
            items.Count(i => i.Result == CheckResult.NotApplicable),
            items.Count(i => i.Result == CheckResult.Unassessed));
        var evidence = await db.EvidenceLinks.AsNoTracking().Where(l => l.ControlAssessmentId == ca.Id)
            .Join(db.Evidence.Where(e => e.DeletedAt == null), l => l.EvidenceId, e => e.Id, (l, e) => new { l.Id, EvidenceId = e.Id, e.Title, l.CheckItemId, e.CurrentVersion, e.ExpiresOn })
            .OrderBy(x => x.Title)
            .ToListAsync(ct);
        var comments = await db.Comments.AsNoTracking().Where(c => c.ControlAssessmentId == ca.Id)
            .OrderBy(c => c.CreatedAt)
            .Join(db.Users, c => c.AuthorUserId, u => u.Id, (c, u) => new CommentView(c.Id, c.AuthorUserId, u.DisplayName, c.Body, c.CreatedAt))
            .ToListAsync(ct);
        var entityId = ca.Id.ToString();
        var history = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == "control" && e.EntityId == entityId)
            .OrderByDescending(e => e.Sequence).Take(50)
            .Select(e => new HistoryView(e.At, e.Actor, e.Action, e.Summary))
            .ToListAsync(ct);
        var owner = ca.OwnerUserId is { } o ? await db.Users.Where(u => u.Id == o).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var texts = control?.CheckItems.ToDictionary(i => i.Id);
        return new ControlDetail(
            ControlQueries.Row(ca, edition, counts, evidence.Count, owner, today),
            control?.Criterion?.Ko,
            control?.Criterion?.En,
            ca.OperationStatus,
            ca.RelatedDocuments,
            ca.EvidenceRecords,
            items.Select(i => new CheckItemView(i.Id, i.CheckItemId, i.Number, texts?.GetValueOrDefault(i.CheckItemId)?.Text.Ko ?? string.Empty, texts?.GetValueOrDefault(i.CheckItemId)?.Text.En ?? string.Empty, i.Result.ToWire(), i.NotApplicableReason, i.Note, i.Version, i.UpdatedAt)).ToList(),
            evidence.Select(e => new LinkedEvidenceView(e.Id, e.EvidenceId, e.Title, e.CheckItemId, e.CurrentVersion, e.ExpiresOn, e.ExpiresOn is { } x && x < today)).ToList(),
            comments,
            history);
    }
}
