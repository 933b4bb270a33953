using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Assessments;

public sealed record RecordCheckItemRequest(string? Result, string? NotApplicableReason, string? Note, int Version);

/// <summary>Records the result of one check item (N/A needs a reason); stale versions get 409.</summary>
public sealed class RecordCheckItem(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<CheckItemView>> Handle(OrgAccess access, Guid assessmentId, string checkItemId, RecordCheckItemRequest req, CancellationToken ct)
    {
        var item = await db.CheckItemAssessments.FirstOrDefaultAsync(i => i.AssessmentId == assessmentId && i.CheckItemId == checkItemId, ct);
        var ca = item is null ? null : await db.ControlAssessments.AsNoTracking().FirstAsync(c => c.Id == item.ControlAssessmentId, ct);
        if (item is null || ca is null)
        {
            return new NotFound("check_item", $"{assessmentId}/{checkItemId}");
        }

        if (ControlAccess.Check(access, ca).Error is { } denied)
        {
            return denied;
        }

        if (!AssessmentWire.TryParseResult(req.Result, out var result))
        {
            return new Invalid("result", "result must be fulfilled, partial, not-fulfilled, not-applicable or unassessed.");
        }

        db.Entry(item).Property(i => i.Version).OriginalValue = req.Version;
        var before = item.Result.ToWire();
        if (item.Record(result, req.NotApplicableReason, req.Note, clock.GetUtcNow().UtcDateTime).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.CheckItemRecorded, "control", ca.Id, new { checkItemId, before, after = result.ToWire() });
        var saved = await audit.SaveAsync(ct, "check item");
        var text = ControlQueries.EditionOf((await db.Assessments.AsNoTracking().FirstAsync(a => a.Id == assessmentId, ct)).Edition).Find(ca.ControlId)?.CheckItems.FirstOrDefault(i => i.Id == checkItemId)?.Text;
        return saved.Error is { } se ? se : new CheckItemView(item.Id, item.CheckItemId, item.Number, text?.Ko ?? string.Empty, text?.En ?? string.Empty, item.Result.ToWire(), item.NotApplicableReason, item.Note, item.Version, item.UpdatedAt);
    }
}
