using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Evidence;

public sealed record UpdateEvidenceRequest(string? Title, string? Description, int? RefreshIntervalDays, int Version);

public sealed class UpdateEvidence(JikimiDb db, AuditWriter audit, GetEvidence get)
{
    public async Task<Result<EvidenceView>> Handle(OrgAccess access, Guid id, UpdateEvidenceRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanEditControls, "change evidence").Error is { } denied)
        {
            return denied;
        }

        var e = await db.Evidence.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return new NotFound("evidence", id.ToString());
        }

        if (e.IsDeleted)
        {
            return new Domain.Evidence.EvidenceDeleted(id);
        }

        db.Entry(e).Property(x => x.Version).OriginalValue = req.Version;
        var before = new { e.Title, e.RefreshIntervalDays };
        if (e.Describe(req.Title, req.Description, req.RefreshIntervalDays).Error is { } err)
        {
            return err;
        }

        audit.Record(access, AuditActions.EvidenceUpdated, "evidence", e.Id, new { before, after = new { e.Title, e.RefreshIntervalDays } });
        var saved = await audit.SaveAsync(ct, "evidence");
        return saved.Error is { } se ? se : await get.Handle(access, id, ct);
    }
}
