using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Meetings;

/// <summary>Committee and working-group meetings, newest first, each with its action items.</summary>
public sealed class ListMeetings(JikimiDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<MeetingView>> Handle(OrgAccess access, CancellationToken ct)
    {
        _ = access;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var meetings = await db.Set<Meeting>().AsNoTracking().OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Number).ToListAsync(ct);
        var actions = (await db.Set<MeetingAction>().AsNoTracking().ToListAsync(ct)).ToLookup(a => a.MeetingId);
        return meetings.Select(m => MeetingView.Of(m, actions[m.Id], today)).ToList();
    }
}
