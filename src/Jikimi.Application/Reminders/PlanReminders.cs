using Jikimi.Application.Data;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Programme;
using Jikimi.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Reminders;

/// <summary>
/// Creates the reminders that are due by now, across all organizations: corrective actions, surveillance and
/// renewal audits, the renewal application, certificate and evidence expiry, policy reviews and data subjects' requests — one row per channel, never twice (the unique key on kind,
/// subject, due instant and channel; a new deadline, e.g. after re-correction, is a new reminder). Returns how many it created.
/// </summary>
public sealed class PlanReminders(JikimiDb db, TimeProvider clock, IOptions<ReminderOptions> options, IOptions<Audits.CertificationOptions> certification)
{
    public const string CorrectiveActionDue = "corrective_action_due";
    public const string SurveillanceDue = "surveillance_due";
    public const string RenewalDue = "renewal_due";
    public const string RenewalApplicationDue = "renewal_application_due";
    public const string CertificateExpiring = "certificate_expiring";
    public const string EvidenceExpiring = "evidence_expiring";
    public const string ProviderCertificateExpiring = "provider_certificate_expiring";
    public const string PolicyReviewDue = "policy_review_due";
    public const string SubjectRequestDue = "subject_request_due";
    public const string MeetingActionDue = "meeting_action_due";
    public const string FurtherCorrectionDue = "further_correction_due";

    private sealed record Candidate(Guid Org, string Kind, string SubjectType, Guid Subject, DateOnly Due, string Title, string Body);

    public async Task<int> Handle(CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var candidates = new List<Candidate>();

        var findingLimit = today.AddDays(o.CorrectiveActionLeadDays);
        foreach (var f in await db.Findings.IgnoreQueryFilters().AsNoTracking()
                     .Where(f => f.Status != FindingStatus.Closed && (f.FurtherCorrectionDueOn ?? f.RecorrectionDueOn ?? f.DueOn) <= findingLimit).ToListAsync(ct))
        {
            if (f.FurtherCorrectionDueOn is { } fd)
            {
                // The committee's further correction (고시 제25조⑤): after this day the finding can no longer be reported fixed.
                candidates.Add(new Candidate(f.OrganizationId, FurtherCorrectionDue, "finding", f.Id, fd,
                    $"[지킴이] 결함 #{f.Number} ({f.ControlId}) 추가 보완조치 기한 {fd:yyyy-MM-dd} / Further correction due {fd:yyyy-MM-dd}",
                    $"인증위원회가 요구한 결함 #{f.Number} ({f.ControlId})의 추가 보완조치 기한은 {fd:yyyy-MM-dd}입니다(고시 제25조⑤). 기한이 지나면 조치를 보고할 수 없습니다. / The further correction the certification committee asked for on finding #{f.Number} ({f.ControlId}) is due on {fd:yyyy-MM-dd} (notice Art. 25(5)); after that day it can no longer be reported."));
                continue;
            }

            candidates.Add(new Candidate(f.OrganizationId, CorrectiveActionDue, "finding", f.Id, f.CurrentDueOn,
                $"[지킴이] 결함 #{f.Number} ({f.ControlId}) 보완조치 기한 {f.CurrentDueOn:yyyy-MM-dd} / Corrective action due {f.CurrentDueOn:yyyy-MM-dd}",
                $"결함 #{f.Number} ({f.ControlId})의 보완조치 기한은 {f.CurrentDueOn:yyyy-MM-dd}입니다. / The corrective action for finding #{f.Number} ({f.ControlId}) is due on {f.CurrentDueOn:yyyy-MM-dd}."));
        }

        var auditLimit = today.AddDays(o.AuditLeadDays);
        foreach (var a in await db.Audits.IgnoreQueryFilters().AsNoTracking()
                     .Where(a => (a.Status == AuditStatus.Planned || a.Status == AuditStatus.InProgress) && a.DueBy != null && a.DueBy <= auditLimit && a.Kind != AuditKind.Initial).ToListAsync(ct))
        {
            var (ko, en, kind) = a.Kind == AuditKind.Renewal ? ("갱신심사", "Renewal audit", RenewalDue) : ("사후심사", "Surveillance audit", SurveillanceDue);
            candidates.Add(new Candidate(a.OrganizationId, kind, "audit", a.Id, a.DueBy!.Value,
                $"[지킴이] {ko} 기한 {a.DueBy:yyyy-MM-dd} / {en} due {a.DueBy:yyyy-MM-dd}",
                $"{ko}를 {a.DueBy:yyyy-MM-dd}까지 받아야 합니다. / The {en.ToLowerInvariant()} must take place by {a.DueBy:yyyy-MM-dd}."));
        }

        var certLimit = today.AddDays(o.CertificateLeadDays);
        foreach (var c in await db.Certificates.IgnoreQueryFilters().AsNoTracking()
                     .Where(c => c.Status != CertificateStatus.Revoked && c.ExpiresOn <= certLimit && c.ExpiresOn >= today).ToListAsync(ct))
        {
            candidates.Add(new Candidate(c.OrganizationId, CertificateExpiring, "certificate", c.Id, c.ExpiresOn,
                $"[지킴이] 인증서 {c.Number} 만료 {c.ExpiresOn:yyyy-MM-dd} / Certificate {c.Number} expires {c.ExpiresOn:yyyy-MM-dd}",
                $"인증서 {c.Number}의 유효기간이 {c.ExpiresOn:yyyy-MM-dd}에 끝납니다. / Certificate {c.Number} is valid until {c.ExpiresOn:yyyy-MM-dd}."));
        }

        // The renewal is applied for RenewalLeadMonths before expiry (고시 제28조 [S]); the audit itself is due by the expiry.
        var policy = certification.Value.Policy;
        var applicationLimit = today.AddDays(o.RenewalApplicationLeadDays);
        var expiryLimit = applicationLimit.AddMonths(policy.RenewalLeadMonths);
        foreach (var c in await db.Certificates.IgnoreQueryFilters().AsNoTracking()
                     .Where(c => c.Status != CertificateStatus.Revoked && c.ExpiresOn <= expiryLimit && c.ExpiresOn >= today).ToListAsync(ct))
        {
            var applyBy = c.RenewalApplicationDue(policy);
            if (applyBy > applicationLimit || applyBy < today)
            {
                continue;
            }

            candidates.Add(new Candidate(c.OrganizationId, RenewalApplicationDue, "certificate", c.Id, applyBy,
                $"[지킴이] 인증서 {c.Number} 갱신 신청 기한 {applyBy:yyyy-MM-dd} / Renewal application for certificate {c.Number} due {applyBy:yyyy-MM-dd}",
                $"인증서 {c.Number}(만료 {c.ExpiresOn:yyyy-MM-dd})의 갱신심사는 만료 {policy.RenewalLeadMonths}개월 전인 {applyBy:yyyy-MM-dd}까지 신청해야 합니다(고시 제28조). / Apply for the renewal audit of certificate {c.Number} (expires {c.ExpiresOn:yyyy-MM-dd}) by {applyBy:yyyy-MM-dd}, {policy.RenewalLeadMonths} months before expiry (notice Art. 28)."));
        }

        var evidenceLimit = today.AddDays(o.EvidenceLeadDays);
        foreach (var e in await db.Evidence.IgnoreQueryFilters().AsNoTracking()
                     .Where(e => e.DeletedAt == null && e.ExpiresOn != null && e.ExpiresOn <= evidenceLimit && e.ExpiresOn >= today.AddDays(-1)).ToListAsync(ct))
        {
            candidates.Add(new Candidate(e.OrganizationId, EvidenceExpiring, "evidence", e.Id, e.ExpiresOn!.Value,
                $"[지킴이] 증적 만료 {e.ExpiresOn:yyyy-MM-dd} / Evidence expires {e.ExpiresOn:yyyy-MM-dd}",
                $"증적 '{e.Title}'을(를) {e.ExpiresOn:yyyy-MM-dd}까지 갱신하세요. / Renew the evidence '{e.Title}' by {e.ExpiresOn:yyyy-MM-dd}."));
        }

        candidates.AddRange((await Cloud.ProviderReminders.DueAsync(db, today, o.ProviderCertificateLeadDays, ct))
            .Select(d => new Candidate(d.OrganizationId, ProviderCertificateExpiring, "provider-certificate", d.Subject, d.ExpiresOn, d.Title, d.Body)));
        var policyLimit = today.AddDays(o.PolicyReviewLeadDays);
        foreach (var p in await db.Set<Policy>().IgnoreQueryFilters().AsNoTracking()
                     .Where(p => p.ReviewDueOn != null && p.ReviewDueOn <= policyLimit).ToListAsync(ct))
        {
            candidates.Add(new Candidate(p.OrganizationId, PolicyReviewDue, "policy", p.Id, p.ReviewDueOn!.Value,
                $"[지킴이] 정책 검토 기한 {p.ReviewDueOn:yyyy-MM-dd} ({p.Code}) / Policy review due {p.ReviewDueOn:yyyy-MM-dd}",
                $"'{p.Title}' ({p.Code})의 정기 검토 기한은 {p.ReviewDueOn:yyyy-MM-dd}입니다. / The yearly review of '{p.Title}' ({p.Code}) is due on {p.ReviewDueOn:yyyy-MM-dd}."));
        }

        // Requests carry no personal data, and the reminder names only the number and kind.
        var requestLimit = today.AddDays(o.SubjectRequestLeadDays);
        foreach (var r in await db.Set<SubjectRequest>().IgnoreQueryFilters().AsNoTracking()
                     .Where(r => r.RespondedOn == null && r.DueOn <= requestLimit).ToListAsync(ct))
        {
            candidates.Add(new Candidate(r.OrganizationId, SubjectRequestDue, "subject_request", r.Id, r.DueOn,
                $"[지킴이] 정보주체 요구 #{r.Number} 처리 기한 {r.DueOn:yyyy-MM-dd} / Data subject's request #{r.Number} due {r.DueOn:yyyy-MM-dd}",
                $"{r.Kind.TitleKo()} 요구 #{r.Number}에 {r.DueOn:yyyy-MM-dd}까지 답해야 합니다 ({r.BasisKo}). / Request #{r.Number} ({r.Kind.TitleEn()}) must be answered by {r.DueOn:yyyy-MM-dd} ({r.BasisEn})."));
        }

        // Action items name the meeting number and the due date, not the owner.
        var actionLimit = today.AddDays(o.MeetingActionLeadDays);
        foreach (var a in await db.Set<MeetingAction>().IgnoreQueryFilters().AsNoTracking()
                     .Where(a => a.DoneOn == null && a.DueOn <= actionLimit).ToListAsync(ct))
        {
            candidates.Add(new Candidate(a.OrganizationId, MeetingActionDue, "meeting_action", a.Id, a.DueOn,
                $"[지킴이] 회의 조치 사항 기한 {a.DueOn:yyyy-MM-dd} / Meeting action item due {a.DueOn:yyyy-MM-dd}",
                $"위원회 회의에서 정한 조치 사항의 기한은 {a.DueOn:yyyy-MM-dd}입니다. / An action item decided at a committee meeting is due on {a.DueOn:yyyy-MM-dd}."));
        }

        if (candidates.Count == 0)
        {
            return 0;
        }

        var subjects = candidates.Select(c => c.Subject).Distinct().ToList();
        var existing = (await db.Reminders.IgnoreQueryFilters().AsNoTracking().Where(r => subjects.Contains(r.SubjectId))
                .Select(r => new { r.Kind, r.SubjectId, r.DueAt, r.Channel }).ToListAsync(ct))
            .Select(r => (r.Kind, r.SubjectId, r.DueAt, r.Channel)).ToHashSet();
        var created = 0;
        foreach (var c in candidates)
        {
            var dueAt = c.Due.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            foreach (var channel in o.Channels())
            {
                if (existing.Add((c.Kind, c.Subject, dueAt, channel)))
                {
                    db.Reminders.Add(Reminder.Create(c.Org, c.Kind, c.SubjectType, c.Subject, dueAt, channel, c.Title, c.Body, now));
                    created++;
                }
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node planned the same reminders at the same moment: the unique key kept one; ours go. The next
            // tick plans whatever is still missing.
            db.ChangeTracker.Clear();
            return 0;
        }

        return created;
    }
}
