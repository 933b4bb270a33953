using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Evidence;
using Jikimi.Application.Programme;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Meetings;

/// <summary>
/// Marks a meeting's action item done; the minutes' evidence gains a new version showing the follow-up (1.4.3:
/// what the committee decided was carried out).
/// </summary>
public sealed class CompleteMeetingAction(JikimiDb db, AuditWriter audit, UploadEvidence upload, TimeProvider clock)
{
    public async Task<Result<MeetingView>> Handle(OrgAccess access, Guid meetingId, Guid actionId, CompleteMeetingActionRequest req, CancellationToken ct)
    {
        var m = await db.Set<Meeting>().FirstOrDefaultAsync(x => x.Id == meetingId, ct);
        var a = m is null ? null : await db.Set<MeetingAction>().FirstOrDefaultAsync(x => x.Id == actionId && x.MeetingId == meetingId, ct);
        if (m is null || a is null)
        {
            return new NotFound("meeting_action", actionId.ToString());
        }

        if (access.Require(Permissions.CanManageWorkspace, "complete action items").Error is { } denied)
        {
            return denied;
        }

        if (req.Version is { } v && v != a.Version)
        {
            return new ConcurrentEdit("action item");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (a.Complete(req.DoneOn ?? today, m.HeldOn, today, access.Actor.UserId).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.MeetingActionDone, "meeting_action", a.Id, new { meeting = m.Number, a.DueOn, a.DoneOn, late = a.DoneOn > a.DueOn });
        var actions = await db.Set<MeetingAction>().AsNoTracking().Where(x => x.MeetingId == m.Id && x.Id != a.Id).ToListAsync(ct);
        actions.Add(a);
        var record = new ProgrammeEvidence.Record(m.EvidenceId, RecordMeeting.Source, $"{m.Kind.TitleKo()} 회의록 #{m.Number} ({m.HeldOn:yyyy-MM-dd}) / {m.Kind.TitleEn()} minutes #{m.Number}",
            $"{m.Title} (자동 기록 / recorded automatically)", m.Kind.Controls(), RecordMeeting.MinutesText(m, actions), $"meeting-{m.Number}-{m.HeldOn:yyyyMMdd}.txt", today, 365);
        var saved = await ProgrammeEvidence.SaveWith(db, upload, access, record, ct);
        if (saved.Error is { } se)
        {
            return se;
        }

        if (m.EvidenceId != saved.Value)
        {
            m.LinkEvidence(saved.Value);
            var linked = await audit.SaveAsync(ct, "meeting");
            if (linked.Error is { } le)
            {
                return le;
            }
        }

        return MeetingView.Of(m, actions, today);
    }
}
