using Jikimi.Application.AuditTrail;
using Jikimi.Application.Assessments;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Automation;

/// <param name="Version">The suggestion's version as read: a suggestion superseded or decided meanwhile is not accepted blindly.</param>
public sealed record DecideSuggestionRequest(int Version);

/// <summary>
/// A person takes a run's suggestion into the check item's result (미이행 / 부분 이행), keeping the item's note; the
/// one place where automation reaches a result, and only through someone who may record that check item.
/// </summary>
public sealed class AcceptSuggestion(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<SuggestionView>> Handle(OrgAccess access, Guid assessmentId, Guid suggestionId, DecideSuggestionRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanEditControls, "accept automated suggestions").Error is { } denied)
        {
            return denied;
        }

        var found = await SuggestionTarget.LoadAsync(db, access, assessmentId, suggestionId, req.Version, ct);
        if (found.Error is { } fe)
        {
            return fe;
        }

        var (suggestion, item, control, source) = found.Value!;
        var now = clock.GetUtcNow().UtcDateTime;
        if (suggestion.Accept(access.Actor.UserId, access.Actor.Name, now).Error is { } se)
        {
            return se;
        }

        var before = item.Result.ToWire();
        if (item.Record(suggestion.Suggested, null, item.Note, now).Error is { } re)
        {
            return re;
        }

        audit.Record(access, AuditActions.SuggestionAccepted, "control", control.Id, new { suggestion = suggestion.Id, run = suggestion.RunId, checkItemId = suggestion.CheckItemId, before, after = item.Result.ToWire() });
        audit.Record(access, AuditActions.CheckItemRecorded, "control", control.Id, new { checkItemId = suggestion.CheckItemId, before, after = item.Result.ToWire(), suggestion = suggestion.Id });
        var saved = await audit.SaveAsync(ct, "suggestion");
        return saved.Error is { } e ? e : GetControlAutomation.View(suggestion, source, item.Result);
    }
}

/// <summary>Loads a suggestion with its check item and control for a decision, checking who may decide it.</summary>
internal static class SuggestionTarget
{
    public static async Task<Result<(Domain.Automation.AutomatedSuggestion Suggestion, CheckItemAssessment Item, ControlAssessment Control, string Source)>> LoadAsync(
        JikimiDb db, OrgAccess access, Guid assessmentId, Guid suggestionId, int version, CancellationToken ct)
    {
        var suggestion = await db.AutomatedSuggestions.FirstOrDefaultAsync(s => s.Id == suggestionId && s.AssessmentId == assessmentId, ct);
        var item = suggestion is null ? null : await db.CheckItemAssessments.FirstOrDefaultAsync(i => i.AssessmentId == assessmentId && i.CheckItemId == suggestion.CheckItemId, ct);
        var control = item is null ? null : await db.ControlAssessments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == item.ControlAssessmentId, ct);
        if (suggestion is null || item is null || control is null)
        {
            return new NotFound("automated_suggestion", suggestionId.ToString());
        }

        if (ControlAccess.Check(access, control).Error is { } denied)
        {
            return denied;
        }

        db.Entry(suggestion).Property(s => s.Version).OriginalValue = version;
        var source = await db.AutomatedRuns.Where(r => r.Id == suggestion.RunId).Select(r => r.Source).FirstAsync(ct);
        return (suggestion, item, control, source);
    }
}
