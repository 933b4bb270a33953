using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Audits;

public sealed record RecordFindingRequest(string? ControlId, string? CheckItemId, string? Description, string? EvidenceRefs, string? Severity, DateOnly? NoticeOn);

/// <summary>An auditor (assigned to this audit) or a manager records a finding (결함); the correction deadline runs from the notice.</summary>
public sealed class RecordFinding(JikimiDb db, AuditWriter audit, TimeProvider clock, IOptions<CertificationOptions> options)
{
    public async Task<Result<FindingView>> Handle(OrgAccess access, Guid auditId, RecordFindingRequest req, CancellationToken ct)
    {
        var found = await AuditScope.FindAsync(db, access, auditId, ct);
        if (found.Error is { } nf)
        {
            return nf;
        }

        if (AuditScope.RequireAuditWork(access, "record findings").Error is { } denied)
        {
            return denied;
        }

        var a = found.Value!;
        if (a.Status == AuditStatus.Decided)
        {
            return new AuditDecided();
        }

        var scope = await db.Scopes.AsNoTracking().FirstOrDefaultAsync(ct);
        var edition = EditionId.TryParse(scope?.Edition, out var ed) ? ed : EditionId.IsmsP2023;
        var control = string.IsNullOrWhiteSpace(req.ControlId) ? null : CriteriaCatalog.Embedded[edition].Find(req.ControlId);
        if (control is null)
        {
            return new Invalid("controlId", $"controlId must be a control of the {edition.ShortName} criteria (e.g. 2.5.4).");
        }

        var item = string.IsNullOrWhiteSpace(req.CheckItemId) ? null : req.CheckItemId.Trim();
        if (item is not null && (control.CheckItems.Count > 0 ? control.CheckItems.All(i => i.Id != item) : !item.StartsWith(control.Id + "-", StringComparison.Ordinal)))
        {
            return new Invalid("checkItemId", $"checkItemId must be a check item of {control.Id} (e.g. {control.Id}-1).");
        }

        if (!AuditWire.TryParse<FindingSeverity>(req.Severity ?? "medium", AuditWire.Of, out var severity))
        {
            return new Invalid("severity", "severity must be low, medium or high.");
        }

        var number = (await db.Findings.Where(f => f.AuditId == a.Id).MaxAsync(f => (int?)f.Number, ct) ?? 0) + 1;
        var today = AuditScope.Today(clock);
        var created = Finding.Create(access.OrganizationId, a.Id, number, control.Id, item, req.Description, req.EvidenceRefs, severity, req.NoticeOn ?? today, options.Value.Policy, access.Actor.UserId, clock.GetUtcNow().UtcDateTime);
        if (created.Error is { } e)
        {
            return e;
        }

        var f = created.Value!;
        db.Findings.Add(f);
        audit.Record(access, AuditActions.FindingRecorded, "finding", f.Id, new { auditId = a.Id, f.Number, f.ControlId, f.CheckItemId, severity = AuditWire.Of(severity), f.DueOn });
        var saved = await audit.SaveAsync(ct, "finding");
        if (saved.Error is DuplicateRecord)
        {
            // Another finding took this number at the same moment (unique per audit): nothing was saved; try again.
            return new ConcurrentEdit("audit");
        }

        return saved.Error is { } se ? se : AuditWire.View(f, today);
    }
}
