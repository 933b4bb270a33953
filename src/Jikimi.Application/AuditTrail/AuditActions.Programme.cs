namespace Jikimi.Application.AuditTrail;

/// <summary>Stable audit codes of the running management system: policies and data subjects' requests. Add new ones; never rename.</summary>
public static partial class AuditActions
{
    public const string PolicyCreated = "policy.created";
    public const string PolicyUpdated = "policy.updated";
    public const string PolicyDrafted = "policy.drafted";
    public const string PolicyApproved = "policy.approved";
    public const string PolicyReviewed = "policy.reviewed";
    public const string PolicyAcknowledged = "policy.acknowledged";
    public const string SubjectRequestLogged = "subject_request.logged";
    public const string SubjectRequestAnswered = "subject_request.answered";
}

/// <summary>Committee and working-group meetings (issue 20).</summary>
public static partial class AuditActions
{
    public const string MeetingRecorded = "meeting.recorded";
    public const string MeetingActionDone = "meeting.action_done";
}
