using Jikimi.Application.Assessments;
using Jikimi.Application.Readiness;
using Jikimi.Web.Infrastructure;

namespace Jikimi.Web.Endpoints;

/// <summary>Assessments, their controls and check items, comments and readiness.</summary>
public static class AssessmentEndpoints
{
    public static void Map(RouteGroupBuilder org)
    {
        var a = org.MapGroup("/assessments").WithTags("Assessments");
        a.MapGet("/", async (HttpContext http, ListAssessments h, CancellationToken ct) => TypedResults.Ok(await h.Handle(http.Access(), ct)));
        a.MapPost("/", async (HttpContext http, CreateAssessmentRequest req, CreateAssessment h, CancellationToken ct) =>
                Problems.Created(await h.Handle(http.Access(), req, ct), x => $"/api/v1/orgs/{http.Access().OrganizationId}/assessments/{x.Id}"))
            .WithSummary("Create this year's assessment, fresh or from last year's (startFrom, with what to reset).");
        a.MapGet("/{assessmentId:guid}", async (HttpContext http, Guid assessmentId, GetAssessment h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), assessmentId, ct)));
        a.MapGet("/{assessmentId:guid}/readiness", async (HttpContext http, Guid assessmentId, bool? controls, GetReadiness h, CancellationToken ct) =>
                SharedJson.Ok(http, await h.Handle(http.Access(), assessmentId, controls == true, ct)))
            .Produces<ReadinessView>().WithTags("Readiness").WithSummary("Readiness overall, per domain and sub-domain (and per control with ?controls=true).");

        a.MapGet("/{assessmentId:guid}/controls", async (HttpContext http, Guid assessmentId, string? status, string? result, Guid? owner, string? subdomain, bool? overdue, ListControls h, CancellationToken ct) =>
                SharedJson.Ok(http, await h.Handle(http.Access(), assessmentId, new ControlFilter(status, result, owner, subdomain, overdue == true), ct)))
            .Produces<IReadOnlyList<ControlRow>>().WithTags("Controls");
        a.MapGet("/{assessmentId:guid}/controls/{controlId}", async (HttpContext http, Guid assessmentId, string controlId, GetControl h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), assessmentId, controlId, ct)))
            .WithTags("Controls");
        a.MapPut("/{assessmentId:guid}/controls/{controlId}", async (HttpContext http, Guid assessmentId, string controlId, UpdateControlRequest req, UpdateControl h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), assessmentId, controlId, req, ct)))
            .WithTags("Controls").WithSummary("Status, applicability (N/A needs a reason), owner, due date and operation statement; send the version you read.");
        a.MapPost("/{assessmentId:guid}/controls/{controlId}/comments", async (HttpContext http, Guid assessmentId, string controlId, AddCommentRequest req, AddComment h, CancellationToken ct) =>
                Problems.Created(await h.Handle(http.Access(), assessmentId, controlId, req, ct), c => $"/api/v1/orgs/{http.Access().OrganizationId}/assessments/{assessmentId}/controls/{controlId}"))
            .WithTags("Controls");
        a.MapPut("/{assessmentId:guid}/check-items/{checkItemId}", async (HttpContext http, Guid assessmentId, string checkItemId, RecordCheckItemRequest req, RecordCheckItem h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), assessmentId, checkItemId, req, ct)))
            .WithTags("Controls").WithSummary("Record a check item's result: fulfilled, partial, not-fulfilled, not-applicable (with reason) or unassessed.");
    }
}
