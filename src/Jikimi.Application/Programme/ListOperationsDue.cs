using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Programme;

/// <summary>One thing the management system must do: what, by when, whether it is late, and where to do it.</summary>
public sealed record OperationsDueItem(string Kind, Guid Id, string TitleKo, string TitleEn, DateOnly DueOn, bool Overdue, string Path);

/// <summary>
/// The operations view: what is due by the end of this month (and everything already late) across policy reviews,
/// policy drafts waiting for approval and unanswered data subjects' requests, soonest first.
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

        return items.OrderBy(i => i.DueOn).ThenBy(i => i.Kind, StringComparer.Ordinal).ToList();
    }
}
