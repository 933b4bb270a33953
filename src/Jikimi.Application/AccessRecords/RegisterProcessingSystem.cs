using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.AccessRecords;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.AccessRecords;

/// <summary>Registers a personal-information processing system (개인정보처리시스템) with the facts that decide its retention.</summary>
public sealed class RegisterProcessingSystem(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<ProcessingSystemView>> Handle(OrgAccess access, ProcessingSystemRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "register processing systems").Error is { } denied)
        {
            return denied;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var facts = new RetentionFacts(req.DataSubjects ?? 0, req.UniqueIdentifiers ?? false, req.SensitiveData ?? false, req.TelecomCarrier ?? false, req.LongerRetentionMonths);
        var created = ProcessingSystem.Create(access.OrganizationId, req.Name, req.Owner, facts, req.AllowedSources, access.Actor.UserId, now);
        if (created.Error is { } e)
        {
            return e;
        }

        var s = created.Value!;
        if (await db.Set<ProcessingSystem>().AnyAsync(x => x.Name == s.Name, ct))
        {
            return new ProcessingSystemNameTaken(s.Name);
        }

        db.Add(s);
        var today = DateOnly.FromDateTime(now);
        var retention = s.Retention(AccessRecordRetentionRules.Embedded, today).Value;
        audit.Record(access, AuditActions.ProcessingSystemRegistered, "processing_system", s.Id, new { s.Name, s.DataSubjects, s.UniqueIdentifiers, s.SensitiveData, s.TelecomCarrier, keptMonths = retention?.Months, rule = retention?.RuleSetId });
        var saved = await audit.SaveAsync(ct, "processing system");
        return saved.Error is { } se ? se : ProcessingSystemView.Of(s, today);
    }
}

public sealed record ProcessingSystemNameTaken(string Name) : ConflictError("processing_system.name_taken", $"A processing system named '{Name}' is already registered.");
