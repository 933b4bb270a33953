using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
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

public sealed record FindingFilter(Guid? AuditId, bool OverdueOnly, string? Status);

public sealed class ListFindings(JikimiDb db, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<FindingView>>> Handle(OrgAccess access, FindingFilter filter, CancellationToken ct)
    {
        if (filter.AuditId is { } auditId && (await AuditScope.FindAsync(db, access, auditId, ct)).Error is { } nf)
        {
            return nf;
        }

        var q = AuditScope.VisibleFindings(db, access).AsNoTracking();
        if (filter.AuditId is { } id)
        {
            q = q.Where(f => f.AuditId == id);
        }

        var today = AuditScope.Today(clock);
        var rows = (await q.OrderBy(f => f.DueOn).ThenBy(f => f.Number).ToListAsync(ct))
            .Select(f => AuditWire.View(f, today))
            .Where(v => !filter.OverdueOnly || v.Overdue)
            .Where(v => filter.Status is null || v.Status == filter.Status)
            .ToList();
        return rows;
    }
}

public sealed class GetFinding(JikimiDb db, TimeProvider clock)
{
    public async Task<Result<FindingView>> Handle(OrgAccess access, Guid findingId, CancellationToken ct)
    {
        var f = await AuditScope.FindFindingAsync(db, access, findingId, ct);
        return f.Error is { } e ? e : AuditWire.View(f.Value!, AuditScope.Today(clock));
    }
}

public sealed record CorrectionPlanRequest(string? RootCause, string? Action, string? Owner, DateOnly? DueOn);

/// <summary>The organization's corrective-action plan (root cause, action, owner, due date) — not the auditor's.</summary>
public sealed class PlanCorrection(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<FindingView>> Handle(OrgAccess access, Guid findingId, CorrectionPlanRequest req, CancellationToken ct)
    {
        var found = await AuditScope.FindFindingAsync(db, access, findingId, ct);
        if (found.Error is { } nf)
        {
            return nf;
        }

        if (access.Require(Permissions.CanEditControls, "plan corrective actions").Error is { } denied)
        {
            return denied;
        }

        var f = found.Value!;
        if (f.SubmitPlan(req.RootCause, req.Action, req.Owner, req.DueOn).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.FindingPlanSubmitted, "finding", f.Id, new { f.Owner, f.PlanDueOn });
        var saved = await audit.SaveAsync(ct, "finding");
        return saved.Error is { } se ? se : AuditWire.View(f, AuditScope.Today(clock));
    }
}

public sealed record FixFindingRequest(string? Evidence);

public sealed class MarkFindingFixed(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<FindingView>> Handle(OrgAccess access, Guid findingId, FixFindingRequest req, CancellationToken ct)
    {
        var found = await AuditScope.FindFindingAsync(db, access, findingId, ct);
        if (found.Error is { } nf)
        {
            return nf;
        }

        if (access.Require(Permissions.CanEditControls, "report corrective actions").Error is { } denied)
        {
            return denied;
        }

        var f = found.Value!;
        if (f.MarkFixed(req.Evidence).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.FindingFixed, "finding", f.Id, new { f.Number });
        var saved = await audit.SaveAsync(ct, "finding");
        return saved.Error is { } se ? se : AuditWire.View(f, AuditScope.Today(clock));
    }
}

public sealed record VerifyFindingRequest(bool Accepted, string? Note);

/// <summary>The auditor verifies a fix: closed, or sent back once for re-correction.</summary>
public sealed class VerifyFinding(JikimiDb db, AuditWriter audit, TimeProvider clock, IOptions<CertificationOptions> options)
{
    public async Task<Result<FindingView>> Handle(OrgAccess access, Guid findingId, VerifyFindingRequest req, CancellationToken ct)
    {
        var found = await AuditScope.FindFindingAsync(db, access, findingId, ct);
        if (found.Error is { } nf)
        {
            return nf;
        }

        if (AuditScope.RequireAuditWork(access, "verify corrective actions").Error is { } denied)
        {
            return denied;
        }

        var f = found.Value!;
        var today = AuditScope.Today(clock);
        if (f.Verify(req.Accepted, req.Note, today, options.Value.Policy).Error is { } e)
        {
            return e;
        }

        audit.Record(access, req.Accepted ? AuditActions.FindingClosed : AuditActions.FindingSentBack, "finding", f.Id, new { f.Number, f.RecorrectionDueOn });
        var saved = await audit.SaveAsync(ct, "finding");
        return saved.Error is { } se ? se : AuditWire.View(f, today);
    }
}
