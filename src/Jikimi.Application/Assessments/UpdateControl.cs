using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Assessments;

/// <summary>The editable state of a control, sent whole with the version it was read at.</summary>
public sealed record UpdateControlRequest(
    string? Status,
    bool Applicable,
    string? NotApplicableReason,
    Guid? OwnerUserId,
    DateOnly? DueDate,
    string? OperationStatus,
    string? RelatedDocuments,
    string? EvidenceRecords,
    int Version);

/// <summary>Edits a control; a stale version gets 409. Owners may edit their own controls; managers all.</summary>
public sealed class UpdateControl(JikimiDb db, AuditWriter audit, TimeProvider clock, GetControl get)
{
    public async Task<Result<ControlDetail>> Handle(OrgAccess access, Guid assessmentId, string controlId, UpdateControlRequest req, CancellationToken ct)
    {
        var ca = await db.ControlAssessments.FirstOrDefaultAsync(c => c.AssessmentId == assessmentId && c.ControlId == controlId, ct);
        if (ca is null)
        {
            return new NotFound("control", $"{assessmentId}/{controlId}");
        }

        if (ControlAccess.Check(access, ca).Error is { } denied)
        {
            return denied;
        }

        if (!AssessmentWire.TryParseStatus(req.Status, out var status))
        {
            return new Invalid("status", "status must be to-do, in-progress, in-review or done.");
        }

        // Only managers assign owners and due dates.
        if ((req.OwnerUserId != ca.OwnerUserId || req.DueDate != ca.DueDate) && !access.Role.CanManageWorkspace())
        {
            return new Forbidden("assign owners or due dates");
        }

        if (req.OwnerUserId is { } owner && !await db.Memberships.AnyAsync(m => m.UserId == owner, ct))
        {
            return new Invalid("ownerUserId", "The owner must be a member of this organization.");
        }

        db.Entry(ca).Property(c => c.Version).OriginalValue = req.Version;
        var before = new { status = ca.Status.ToWire(), ca.Applicable, ca.OwnerUserId, ca.DueDate };
        var now = clock.GetUtcNow().UtcDateTime;
        var results = new[]
        {
            ca.SetStatus(status, now),
            ca.SetApplicability(req.Applicable, req.NotApplicableReason, now),
            ca.Assign(req.OwnerUserId, req.DueDate, now),
            ca.UpdateStatement(req.OperationStatus, req.RelatedDocuments, req.EvidenceRecords, now),
        };
        if (results.FirstOrDefault(r => !r.IsSuccess).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.ControlUpdated, "control", ca.Id, new { controlId, before, after = new { status = ca.Status.ToWire(), ca.Applicable, ca.OwnerUserId, ca.DueDate } });
        var saved = await audit.SaveAsync(ct, "control");
        return saved.Error is { } se ? se : await get.Handle(access, assessmentId, controlId, ct);
    }
}

/// <summary>Who may change a control: managers always; control owners only the controls assigned to them.</summary>
internal static class ControlAccess
{
    public static Result Check(OrgAccess access, ControlAssessment ca)
    {
        if (access.Role.CanManageWorkspace())
        {
            return Result.Ok;
        }

        if (access.Role == Role.ControlOwner && ca.OwnerUserId == access.Actor.UserId)
        {
            return Result.Ok;
        }

        return new Forbidden(access.Role == Role.ControlOwner ? "change a control assigned to someone else" : "change assessment results");
    }
}
