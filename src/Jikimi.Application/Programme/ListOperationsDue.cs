using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Programme;

/// <summary>One thing the management system must do: what, by when, whether it is late, and where to do it.</summary>
public sealed record OperationsDueItem(string Kind, Guid Id, string TitleKo, string TitleEn, DateOnly DueOn, bool Overdue, string Path);

/// <summary>
/// The operations view: what is due by the end of this month (and everything already late) across policy reviews,
/// unanswered data subjects' requests and open action items of committee meetings, soonest first.
/// </summary>
public sealed class ListOperationsDue(JikimiDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<OperationsDueItem>> Handle(OrgAccess access, CancellationToken ct)
    {
        _ = access;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var monthEnd = new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1);
        var items = new List<OperationsDueItem>();
        foreach (var p in await db.Set<Policy>().AsNoTracking().Where(p => p.ReviewDueOn != null && p.ReviewDueOn <= monthEnd).ToListAsync(ct))
        {
            items.Add(new OperationsDueItem("policy_review", p.Id, $"정책 검토: [{p.Code}] {p.Title}", $"Policy review: [{p.Code}] {p.Title}", p.ReviewDueOn!.Value, p.IsReviewOverdue(today), $"/policies?id={p.Id}"));
        }

        foreach (var r in await db.Set<SubjectRequest>().AsNoTracking().Where(r => r.RespondedOn == null && r.DueOn <= monthEnd).ToListAsync(ct))
        {
            items.Add(new OperationsDueItem("subject_request", r.Id, $"정보주체 요구 #{r.Number} ({r.Kind.TitleKo()})", $"Data subject's request #{r.Number} ({r.Kind.TitleEn()})", r.DueOn, r.IsOverdue(today), "/subject-requests?status=open"));
        }

        var meetings = await db.Set<Meeting>().AsNoTracking().Select(m => new { m.Id, m.Number }).ToDictionaryAsync(m => m.Id, m => m.Number, ct);
        foreach (var a in await db.Set<MeetingAction>().AsNoTracking().Where(a => a.DoneOn == null && a.DueOn <= monthEnd).ToListAsync(ct))
        {
            var n = meetings.GetValueOrDefault(a.MeetingId);
            items.Add(new OperationsDueItem("meeting_action", a.Id, $"회의 #{n} 조치: {a.Description}", $"Meeting #{n} action: {a.Description}", a.DueOn, a.IsOverdue(today), "/meetings"));
        }

        return items.OrderBy(i => i.DueOn).ThenBy(i => i.Kind, StringComparer.Ordinal).ToList();
    }
}
