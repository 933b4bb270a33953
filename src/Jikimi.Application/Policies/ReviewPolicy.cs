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

/// <summary>Records the yearly review of a document that stays as it is (2.1.1): the next review falls one interval later; the record is evidence.</summary>
public sealed class ReviewPolicy(JikimiDb db, AuditWriter audit, UploadEvidence upload, ApprovePolicyVersion approve, TimeProvider clock)
{
    public sealed record Request(string? Note);

    public async Task<Result<PolicyRowView>> Handle(OrgAccess access, Guid id, Request req, CancellationToken ct)
    {
        var p = await db.Set<Policy>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return new NotFound("policy", id.ToString());
        }

        if (access.Require(Permissions.CanManageWorkspace, "review policies").Error is { } denied)
        {
            return denied;
        }

        var note = Text.Optional("note", req.Note, 2000);
        if (note.Error is { } ne)
        {
            return ne;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (p.Review(today).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.PolicyReviewed, "policy", p.Id, new { p.Code, version = p.CurrentVersion, next = p.ReviewDueOn });
        var body = $"""
            정책·지침 정기 검토 기록 / Policy review record
            문서 / Document: [{p.Code}] {p.Title}
            검토한 버전 / Version reviewed: {p.CurrentVersion}
            검토일 / Reviewed on: {today:yyyy-MM-dd}
            검토자 / Reviewed by: {access.Actor.Name}
            다음 검토 기한 / Next review due: {p.ReviewDueOn:yyyy-MM-dd}
            의견 / Note: {note.Value ?? "-"}
            """;
        var record = new ProgrammeEvidence.Record(await approve.ExistingEvidence(p, ct), ApprovePolicyVersion.Source, ApprovePolicyVersion.Title(p),
            $"정책 승인·검토 기록 (자동) / Policy approval and review record (automatic): {p.Code} review {today:yyyy-MM-dd}",
            p.ControlIds, body, $"{p.Code}-review-{today:yyyyMMdd}.txt", today, p.ReviewIntervalMonths * 31);
        var evidence = await ProgrammeEvidence.SaveWith(db, upload, access, record, ct);
        return evidence.Error is { } ee ? ee : await ApprovePolicyVersion.Remember(db, audit, p, evidence.Value, today, ct);
    }
}
