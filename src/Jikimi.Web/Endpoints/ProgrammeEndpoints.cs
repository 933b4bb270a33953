using Jikimi.Application.Meetings;
using Jikimi.Application.Policies;
using Jikimi.Application.SubjectRequests;
using Jikimi.Web.Infrastructure;

namespace Jikimi.Web.Endpoints;

/// <summary>
/// Running the management system (issue 20): the policy register (versions, approval, yearly review, staff
/// acknowledgement) and the log of data subjects' requests with their statutory deadlines.
/// </summary>
public static class ProgrammeEndpoints
{
    public static void Map(RouteGroupBuilder org)
    {
        var p = org.MapGroup("/policies").WithTags("Policies");
        p.MapGet("/", async (HttpContext http, ListPolicies h, CancellationToken ct) => TypedResults.Ok(await h.Handle(http.Access(), ct)))
            .WithSummary("The policy register: documents by code with owner, controls, version in force, effective date and review due date.");
        p.MapPost("/", async (HttpContext http, PolicyRequest req, CreatePolicy h, CancellationToken ct) =>
                Problems.Created(await h.Handle(http.Access(), req, ct), x => $"/api/v1/orgs/{http.Access().OrganizationId}/policies/{x.Id}"))
            .WithSummary("Add a document (code, title, kind policy|guideline|procedure, owner, controls, reviewIntervalMonths); version 1 starts as a draft.");
        p.MapGet("/{policyId:guid}", async (HttpContext http, Guid policyId, GetPolicy h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), policyId, ct)))
            .WithSummary("One document: versions with their approval, acknowledgements of the version in force, members who have not acknowledged it.");
        p.MapPut("/{policyId:guid}", async (HttpContext http, Guid policyId, PolicyRequest req, UpdatePolicy h, CancellationToken ct) =>
            Problems.Ok(await h.Handle(http.Access(), policyId, req, ct)));
        p.MapPost("/{policyId:guid}/versions", async (HttpContext http, Guid policyId, DraftPolicyRequest req, DraftPolicyVersion h, CancellationToken ct) =>
                Problems.Created(await h.Handle(http.Access(), policyId, req, ct), x => $"/api/v1/orgs/{http.Access().OrganizationId}/policies/{policyId}"))
            .WithSummary("Start the next version as a draft (one draft at a time).");
        p.MapPost("/{policyId:guid}/approve", async (HttpContext http, Guid policyId, ApprovePolicyRequest req, ApprovePolicyVersion h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), policyId, req, ct)))
            .WithSummary("The responsible officer (administrator) approves the draft with its effective date; the record becomes evidence on the document's controls.");
        p.MapPost("/{policyId:guid}/review", async (HttpContext http, Guid policyId, ReviewPolicy.Request req, ReviewPolicy h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), policyId, req, ct)))
            .WithSummary("Record the yearly review of the version in force; the next review is due one interval later; the record becomes evidence.");
        p.MapPost("/{policyId:guid}/acknowledge", async (HttpContext http, Guid policyId, AcknowledgePolicy h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), policyId, ct)))
            .WithSummary("The signed-in member states they have read the version in force (not auditors, not API tokens).");

        var r = org.MapGroup("/subject-requests").WithTags("Data subjects' requests");
        r.MapGet("/", async (HttpContext http, string? status, ListSubjectRequests h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), status, ct)))
            .WithSummary("The request log, newest first (?status=open|overdue|answered), with open, overdue and late counts.");
        r.MapPost("/", async (HttpContext http, LogSubjectRequestRequest req, LogSubjectRequest h, CancellationToken ct) =>
                Problems.Created(await h.Handle(http.Access(), req, ct), x => $"/api/v1/orgs/{http.Access().OrganizationId}/subject-requests"))
            .WithSummary("Log a request (kind access|correction-deletion|suspension|consent-withdrawal, receivedOn, channel, reference — never personal data); the deadline and its legal basis come from the rule in force that day.");
        r.MapPost("/{requestId:guid}/response", async (HttpContext http, Guid requestId, RespondToSubjectRequestRequest req, RespondToSubjectRequest h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), requestId, req, ct)))
            .WithSummary("Record the answer (outcome fulfilled|partly-fulfilled|refused, respondedOn, response); the log becomes evidence on 3.5.2.");

        var m = org.MapGroup("/meetings").WithTags("Committee meetings");
        m.MapGet("/", async (HttpContext http, ListMeetings h, CancellationToken ct) => TypedResults.Ok(await h.Handle(http.Access(), ct)))
            .WithSummary("Meetings of the information-security committee and its working group, newest first, with their action items.");
        m.MapPost("/", async (HttpContext http, RecordMeetingRequest req, RecordMeeting h, CancellationToken ct) =>
                Problems.Created(await h.Handle(http.Access(), req, ct), x => $"/api/v1/orgs/{http.Access().OrganizationId}/meetings"))
            .WithSummary("Record a meeting held (kind committee|working-group, title, heldOn, agenda, attendees, decisions, minutes, actions [{description, owner, dueOn}]); the minutes become evidence on 1.1.1/1.1.3/1.4.3 (working group: 1.1.3).");
        m.MapPost("/{meetingId:guid}/actions/{actionId:guid}/complete", async (HttpContext http, Guid meetingId, Guid actionId, CompleteMeetingActionRequest req, CompleteMeetingAction h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), meetingId, actionId, req, ct)))
            .WithSummary("Mark an action item done (doneOn, version); the minutes' evidence gains a version showing the follow-up.");
    }
}
