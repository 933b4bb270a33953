using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Evidence;
using Jikimi.Application.Programme;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Policies;

/// <summary>
/// The responsible officer approves a document's draft with its effective date (the administrator role stands for
/// the officer, as for risk approval). The approval record becomes evidence on the document's controls by itself.
/// </summary>
public sealed class ApprovePolicyVersion(JikimiDb db, AuditWriter audit, UploadEvidence upload, TimeProvider clock)
{
    public const string Source = "policy";

    public async Task<Result<PolicyRowView>> Handle(OrgAccess access, Guid id, ApprovePolicyRequest req, CancellationToken ct)
    {
        var p = await db.Set<Policy>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return new NotFound("policy", id.ToString());
        }

        if (access.Require(Permissions.CanApproveRisk, "approve policies (the responsible officer's sign-off)").Error is { } denied)
        {
            return denied;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var effective = req.EffectiveDate ?? today;
        if (effective < today.AddYears(-1) || effective > today.AddYears(1))
        {
            return new Invalid("effectiveDate", "effectiveDate must lie within a year of today.");
        }

        var draft = await db.Set<PolicyVersion>().FirstOrDefaultAsync(v => v.PolicyId == p.Id && v.Number == p.LatestVersion, ct);
        if (draft is null)
        {
            return new PolicyNothingToApprove(p.Code);
        }

        if (p.Approve(draft, access.Actor.UserId, access.Actor.Name, effective, now).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.PolicyApproved, "policy", p.Id, new { p.Code, version = draft.Number, effective });
        var evidence = await ProgrammeEvidence.SaveWith(db, upload, access, Evidence(p, draft, await ExistingEvidence(p, ct)), ct);
        if (evidence.Error is { } ee)
        {
            return ee;
        }

        return await Remember(db, audit, p, evidence.Value, today, ct);
    }

    internal static async Task<Result<PolicyRowView>> Remember(JikimiDb db, AuditWriter audit, Policy p, Guid evidenceId, DateOnly today, CancellationToken ct)
    {
        if (p.EvidenceId != evidenceId)
        {
            // Only a pointer to the evidence just committed; if it were lost, the next record finds the item by title.
            p.UseEvidence(evidenceId);
            var saved = await audit.SaveAsync(ct, "policy");
            if (saved.Error is { } se)
            {
                return se;
            }
        }

        return PolicyRowView.Of(p, today);
    }

    internal async Task<Guid?> ExistingEvidence(Policy p, CancellationToken ct) => p.EvidenceId
        ?? await db.Evidence.AsNoTracking().Where(e => e.Source == Source && e.Title == Title(p) && e.DeletedAt == null).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);

    internal static string Title(Policy p)
    {
        var t = $"[{p.Code}] {p.Title} — 승인·검토 기록";
        return t.Length > 300 ? t[..299] + "…" : t;
    }

    private static ProgrammeEvidence.Record Evidence(Policy p, PolicyVersion v, Guid? existing)
    {
        var body = $"""
            정책·지침 승인 기록 / Policy approval record
            문서 / Document: [{p.Code}] {p.Title} ({p.Kind.TitleKo()} / {p.Kind.TitleEn()})
            버전 / Version: {v.Number}
            승인자 / Approved by: {v.ApprovedByName}
            승인 일시 (UTC) / Approved at (UTC): {v.ApprovedAt:yyyy-MM-dd HH:mm}
            시행일 / Effective: {v.EffectiveDate:yyyy-MM-dd}
            다음 검토 기한 / Next review due: {p.ReviewDueOn:yyyy-MM-dd}
            관련 통제 / Controls: {string.Join(", ", p.ControlIds)}
            변경 내용 / Change note: {v.ChangeNote ?? "-"}
            """;
        return new ProgrammeEvidence.Record(existing, Source, Title(p),
            $"정책 승인·검토 기록 (자동) / Policy approval and review record (automatic): {p.Code} v{v.Number}",
            p.ControlIds, body, $"{p.Code}-v{v.Number}-approval-{v.EffectiveDate:yyyyMMdd}.txt", v.EffectiveDate!.Value, p.ReviewIntervalMonths * 31);
    }
}
