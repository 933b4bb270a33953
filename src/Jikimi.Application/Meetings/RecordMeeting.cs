using System.Globalization;
using System.Text;
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
/// Records a meeting that has taken place, with its action items; the minutes become evidence on the meeting's
/// controls (1.1.1 / 1.1.3 / 1.4.3 for the committee, 1.1.3 for the working group) by themselves, in the same save.
/// </summary>
public sealed class RecordMeeting(JikimiDb db, AuditWriter audit, UploadEvidence upload, TimeProvider clock)
{
    public const string Source = "meeting";
    public const int MaxActions = 50;

    public async Task<Result<MeetingView>> Handle(OrgAccess access, RecordMeetingRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "record meetings").Error is { } denied)
        {
            return denied;
        }

        if (!MeetingKinds.TryParse(req.Kind ?? "committee", out MeetingKind kind))
        {
            return new Invalid("kind", "kind must be committee or working-group.");
        }

        if (req.Actions is { Count: > MaxActions })
        {
            return new Invalid("actions", $"At most {MaxActions} action items per meeting.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var number = (await db.Set<Meeting>().MaxAsync(m => (int?)m.Number, ct) ?? 0) + 1;
        var created = Meeting.Create(access.OrganizationId, number, kind, req.Title, req.HeldOn ?? today, req.Agenda, req.Attendees, req.Decisions, req.Minutes, today, access.Actor.UserId, now);
        if (created.Error is { } e)
        {
            return e;
        }

        var m = created.Value!;
        var actions = new List<MeetingAction>();
        foreach (var a in req.Actions ?? [])
        {
            var action = MeetingAction.Create(m, a.Description, a.Owner, a.DueOn);
            if (action.Error is { } ae)
            {
                return ae;
            }

            actions.Add(action.Value!);
        }

        db.Add(m);
        db.AddRange(actions);

        // Titles, agenda and attendees stay out of the trail: the minutes are the record.
        audit.Record(access, AuditActions.MeetingRecorded, "meeting", m.Id, new { m.Number, kind = kind.ToWire(), m.HeldOn, actions = actions.Count });
        var record = new ProgrammeEvidence.Record(null, Source, $"{m.Kind.TitleKo()} 회의록 #{m.Number} ({m.HeldOn:yyyy-MM-dd}) / {m.Kind.TitleEn()} minutes #{m.Number}",
            $"{m.Title} (자동 기록 / recorded automatically)", m.Kind.Controls(), MinutesText(m, actions), $"meeting-{m.Number}-{m.HeldOn:yyyyMMdd}.txt", m.HeldOn, 365);
        var saved = await ProgrammeEvidence.SaveWith(db, upload, access, record, ct);
        if (saved.Error is { } se)
        {
            return se;
        }

        // Only a pointer to the evidence just committed.
        m.LinkEvidence(saved.Value);
        var linked = await audit.SaveAsync(ct, "meeting");
        return linked.Error is { } le ? le : MeetingView.Of(m, actions, today);
    }

    /// <summary>The minutes as a plain-text record in Korean and English headings.</summary>
    internal static string MinutesText(Meeting m, IEnumerable<MeetingAction> actions)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"{m.Kind.TitleKo()} 회의록 / {m.Kind.TitleEn()} minutes #{m.Number}\r\n");
        sb.Append(inv, $"제목 / Title: {m.Title}\r\n일자 / Date: {m.HeldOn:yyyy-MM-dd}\r\n\r\n");
        sb.Append("참석자 / Attendees:\r\n");
        foreach (var p in m.AttendeeList)
        {
            sb.Append(inv, $"- {p}\r\n");
        }

        sb.Append(inv, $"\r\n안건 / Agenda:\r\n{m.Agenda}\r\n\r\n의결 사항 / Decisions:\r\n{m.Decisions ?? "-"}\r\n\r\n회의 내용 / Minutes:\r\n{m.Minutes ?? "-"}\r\n\r\n");
        sb.Append("조치 사항 / Action items:\r\n");
        foreach (var a in actions.OrderBy(a => a.DueOn))
        {
            var state = a.DoneOn is { } d ? $"완료/done {d:yyyy-MM-dd}" : "진행 중/open";
            sb.Append(inv, $"- {a.Description} | 담당/owner: {a.Owner} | 기한/due: {a.DueOn:yyyy-MM-dd} | {state}\r\n");
        }

        return sb.ToString();
    }
}
