using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;

namespace Jikimi.Application.Automation;

/// <summary>A person sets a run's suggestion aside (e.g. the failing resource is out of scope); the check item is untouched.</summary>
public sealed class DismissSuggestion(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<SuggestionView>> Handle(OrgAccess access, Guid assessmentId, Guid suggestionId, DecideSuggestionRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanEditControls, "dismiss automated suggestions").Error is { } denied)
        {
            return denied;
        }

        var found = await SuggestionTarget.LoadAsync(db, access, assessmentId, suggestionId, req.Version, ct);
        if (found.Error is { } fe)
        {
            return fe;
        }

        var (suggestion, item, control, source) = found.Value!;
        if (suggestion.Dismiss(access.Actor.UserId, access.Actor.Name, clock.GetUtcNow().UtcDateTime).Error is { } se)
        {
            return se;
        }

        audit.Record(access, AuditActions.SuggestionDismissed, "control", control.Id, new { suggestion = suggestion.Id, run = suggestion.RunId, checkItemId = suggestion.CheckItemId, suggested = suggestion.Suggested.ToString() });
        var saved = await audit.SaveAsync(ct, "suggestion");
        return saved.Error is { } e ? e : GetControlAutomation.View(suggestion, source, item.Result);
    }
}
