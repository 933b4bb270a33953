using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Assessments;

public sealed record AddCommentRequest(string? Body);

public sealed class AddComment(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<CommentView>> Handle(OrgAccess access, Guid assessmentId, string controlId, AddCommentRequest req, CancellationToken ct)
    {
        var ca = await db.ControlAssessments.AsNoTracking().FirstOrDefaultAsync(c => c.AssessmentId == assessmentId && c.ControlId == controlId, ct);
        if (ca is null)
        {
            return new NotFound("control", $"{assessmentId}/{controlId}");
        }

        // Anyone who may work on the control may comment; auditors may comment too (their questions live here).
        if (access.Role is not Domain.Organizations.Role.Auditor && ControlAccess.Check(access, ca).Error is { } denied)
        {
            return denied;
        }

        var created = ControlComment.Create(ca, access.Actor.UserId, req.Body, clock.GetUtcNow().UtcDateTime);
        if (created.Error is { } e)
        {
            return e;
        }

        db.Comments.Add(created.Value!);
        audit.Record(access, AuditActions.CommentAdded, "control", ca.Id, new { controlId, commentId = created.Value!.Id });
        var saved = await audit.SaveAsync(ct);
        return saved.Error is { } se ? se : new CommentView(created.Value.Id, access.Actor.UserId, access.Actor.Name, created.Value.Body, created.Value.CreatedAt);
    }
}
