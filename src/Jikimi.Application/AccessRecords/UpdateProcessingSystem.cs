using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.AccessRecords;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.AccessRecords;

/// <summary>Changes a system's name, owner, retention facts or allowed source ranges (optimistic: send the version read).</summary>
public sealed class UpdateProcessingSystem(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<ProcessingSystemView>> Handle(OrgAccess access, Guid id, ProcessingSystemRequest req, CancellationToken ct)
    {
        var s = await db.Set<ProcessingSystem>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return new NotFound("processing_system", id.ToString());
        }

        if (access.Require(Permissions.CanManageWorkspace, "change processing systems").Error is { } denied)
        {
            return denied;
        }

        if (req.Version is { } v && v != s.Version)
        {
            return new ConcurrentEdit("processing system");
        }

        var before = s.Facts;
        var facts = new RetentionFacts(req.DataSubjects ?? before.DataSubjects, req.UniqueIdentifiers ?? before.UniqueIdentifiers, req.SensitiveData ?? before.SensitiveData, req.TelecomCarrier ?? before.TelecomCarrier, req.LongerRetentionMonths ?? before.LongerRetentionMonths);
        var name = req.Name ?? s.Name;
        if (!string.Equals(name.Trim(), s.Name, StringComparison.Ordinal) && await db.Set<ProcessingSystem>().AnyAsync(x => x.Name == name.Trim() && x.Id != s.Id, ct))
        {
            return new ProcessingSystemNameTaken(name.Trim());
        }

        if (s.Update(name, req.Owner ?? s.Owner, facts, req.AllowedSources ?? s.AllowedSources).Error is { } e)
        {
            return e;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var retention = s.Retention(AccessRecordRetentionRules.Embedded, today).Value;
        audit.Record(access, AuditActions.ProcessingSystemUpdated, "processing_system", s.Id, new { s.Name, s.DataSubjects, s.UniqueIdentifiers, s.SensitiveData, s.TelecomCarrier, s.LongerRetentionMonths, keptMonths = retention?.Months });
        var saved = await audit.SaveAsync(ct, "processing system");
        return saved.Error is { } se ? se : ProcessingSystemView.Of(s, today);
    }
}
