namespace Jikimi.Application.AuditTrail;

/// <summary>Stable audit codes of automated evidence (ADR 0040). Add new ones; never rename.</summary>
public static partial class AuditActions
{
    public const string AutomatedRunRecorded = "automated_run.recorded";
    public const string SuggestionAccepted = "automated_suggestion.accepted";
    public const string SuggestionDismissed = "automated_suggestion.dismissed";
}
