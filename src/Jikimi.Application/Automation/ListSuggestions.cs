using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Automation;

/// <summary>The suggestions of an assessment's runs (pending first), each beside its check item's current result.</summary>
public sealed class ListSuggestions(JikimiDb db)
{
    public async Task<Result<IReadOnlyList<SuggestionView>>> Handle(OrgAccess access, Guid assessmentId, CancellationToken ct)
    {
        if (!await db.Assessments.AnyAsync(a => a.Id == assessmentId, ct))
        {
            return new NotFound("assessment", assessmentId.ToString());
        }

        return Result<IReadOnlyList<SuggestionView>>.From(await GetControlAutomation.Suggestions(db, assessmentId, null, ct));
    }
}
