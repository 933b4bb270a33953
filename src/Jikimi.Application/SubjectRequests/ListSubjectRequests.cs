using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.SubjectRequests;

/// <summary>The request log, newest first (?status=open|overdue|answered), with its counts.</summary>
public sealed class ListSubjectRequests(JikimiDb db, TimeProvider clock)
{
    public async Task<Result<SubjectRequestLogView>> Handle(OrgAccess access, string? status, CancellationToken ct)
    {
        _ = access;
        if (status is not (null or "" or "open" or "overdue" or "answered"))
        {
            return new Invalid("status", "status must be open, overdue or answered.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var all = (await db.Set<SubjectRequest>().AsNoTracking().OrderByDescending(r => r.Number).ToListAsync(ct)).Select(r => SubjectRequestView.Of(r, today)).ToList();
        var shown = status switch
        {
            "open" => all.Where(r => r.Status != "answered").ToList(),
            "overdue" => all.Where(r => r.Overdue).ToList(),
            "answered" => all.Where(r => r.Status == "answered").ToList(),
            _ => all,
        };
        return new SubjectRequestLogView(shown, all.Count(r => r.Status != "answered"), all.Count(r => r.Overdue), all.Count(r => r.AnsweredLate));
    }
}
