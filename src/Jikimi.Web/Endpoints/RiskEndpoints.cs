using Jikimi.Application.Flows;
using Jikimi.Application.Risk;
using Jikimi.Application.Risk.Pictures;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Common;
using Jikimi.Web.Infrastructure;

namespace Jikimi.Web.Endpoints;

/// <summary>
/// Risk management (1.2.2–1.2.4): threats, yearly risk assessments with the acceptable level and its approval, risks,
/// treatment and acceptance, due items, the heat map and risks by domain (JSON and SVG), and personal-information flows.
/// </summary>
public static class RiskEndpoints
{
    private const string SvgType = "image/svg+xml; charset=utf-8";

    public static void Map(RouteGroupBuilder org)
    {
        var r = org.MapGroup("/risk").WithTags("Risk");
        r.MapGet("/threats", async (HttpContext http, ListThreats h, CancellationToken ct) => TypedResults.Ok(await h.Handle(http.Access(), ct)))
            .WithSummary("The organization's threat list (a copy of Jikimi's seeded catalog, made with the first risk assessment, plus its own).");
        r.MapPost("/threats", async (HttpContext http, ThreatRequest req, AddThreat h, CancellationToken ct) =>
            Problems.Created(await h.Handle(http.Access(), req, ct), t => $"/api/v1/orgs/{http.Access().OrganizationId}/risk/threats"));
        r.MapPut("/threats/{threatId:guid}", async (HttpContext http, Guid threatId, ThreatRequest req, UpdateThreat h, CancellationToken ct) =>
            Problems.Ok(await h.Handle(http.Access(), threatId, req, ct)));
        r.MapGet("/vulnerabilities/{assessmentId:guid}", async (HttpContext http, Guid assessmentId, ListVulnerabilityCandidates h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), assessmentId, ct)))
            .WithSummary("Vulnerabilities found from an assessment's check items recorded as not fulfilled or partial.");
        r.MapGet("/due-items", async (HttpContext http, Guid? owner, bool? overdue, ListTreatmentDueItems h, CancellationToken ct) =>
                TypedResults.Ok(await h.Handle(http.Access(), owner, overdue == true, ct)))
            .WithSummary("Treatment plans due (owner, due date, overdue flag), soonest first, for the dashboard.");

        var a = r.MapGroup("/assessments");
        a.MapGet("/", async (HttpContext http, ListRiskAssessments h, CancellationToken ct) => TypedResults.Ok(await h.Handle(http.Access(), ct)))
            .WithSummary("Every year's risk assessment with its method as recorded.");
        a.MapPost("/", async (HttpContext http, CreateRiskAssessmentRequest req, CreateRiskAssessment h, CancellationToken ct) =>
                Problems.Created(await h.Handle(http.Access(), req, ct), x => $"/api/v1/orgs/{http.Access().OrganizationId}/risk/assessments/{x.Id}"))
            .WithSummary("Start a year's risk assessment; the method (importance sum|max, scales 3|5, grade thresholds) is kept with it.");
        a.MapGet("/{riskAssessmentId:guid}", async (HttpContext http, Guid riskAssessmentId, GetRiskAssessment h, CancellationToken ct) =>
            Problems.Ok(await h.Handle(http.Access(), riskAssessmentId, ct)));
        a.MapPut("/{riskAssessmentId:guid}/acceptable-level", async (HttpContext http, Guid riskAssessmentId, SetAcceptableLevelRequest req, SetAcceptableLevel h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), riskAssessmentId, req, ct)))
            .WithSummary("Set the acceptable risk level (DoA); a new level needs a new approval.");
        a.MapPost("/{riskAssessmentId:guid}/acceptable-level/approve", async (HttpContext http, Guid riskAssessmentId, ApproveAcceptableLevel h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), riskAssessmentId, ct)))
            .WithSummary("Management approves the acceptable level (administrator role); who and when are recorded.");
        a.MapGet("/{riskAssessmentId:guid}/risks", async (HttpContext http, Guid riskAssessmentId, bool? aboveDoa, string? status, Guid? asset, int? page, int? pageSize, ListRisks h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), riskAssessmentId, new RiskFilter(aboveDoa == true, status, asset, page ?? 1, pageSize ?? 100), ct)))
            .WithSummary("Risks, highest first (?aboveDoa=true, ?status=open|planned|treated|accepted, ?asset, ?page, ?pageSize).");
        a.MapPost("/{riskAssessmentId:guid}/risks", async (HttpContext http, Guid riskAssessmentId, AddRiskRequest req, AddRisk h, CancellationToken ct) =>
                Problems.Created(await h.Handle(http.Access(), riskAssessmentId, req, ct), x => $"/api/v1/orgs/{http.Access().OrganizationId}/risk/assessments/{riskAssessmentId}/risks"))
            .WithSummary("Add a risk: asset, threat, levels, and a vulnerability by hand or from a check item (assessmentId + checkItemId).");
        a.MapDelete("/{riskAssessmentId:guid}/risks/{riskId:guid}", async (HttpContext http, Guid riskAssessmentId, Guid riskId, RemoveRisk h, CancellationToken ct) =>
                Problems.NoContent(await h.Handle(http.Access(), riskAssessmentId, riskId, ct)))
            .WithSummary("Remove a risk entered by mistake (audited); an accepted risk stays (risk.accepted_stays).");
        a.MapPut("/{riskAssessmentId:guid}/risks/{riskId:guid}/treatment", async (HttpContext http, Guid riskAssessmentId, Guid riskId, PlanTreatmentRequest req, PlanTreatment h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), riskAssessmentId, riskId, req, ct)))
            .WithSummary("Treatment plan: strategy, plan, owner, due date, linked controls, residual risk, completed; send the version you read.");
        a.MapPost("/{riskAssessmentId:guid}/risks/{riskId:guid}/accept", async (HttpContext http, Guid riskAssessmentId, Guid riskId, AcceptRisk h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), riskAssessmentId, riskId, ct)))
            .WithSummary("An executive (administrator role) accepts the risk; who and when are recorded.");
        a.MapGet("/{riskAssessmentId:guid}/heat-map", async (HttpContext http, Guid riskAssessmentId, GetHeatMap h, CancellationToken ct) =>
            Problems.Ok(await h.Handle(http.Access(), riskAssessmentId, ct)));
        a.MapGet("/{riskAssessmentId:guid}/heat-map.svg", async (HttpContext http, Guid riskAssessmentId, string? lang, GetHeatMap h, CancellationToken ct) =>
            Svg(await h.Handle(http.Access(), riskAssessmentId, ct), v => HeatMapSvg.Render(v, Lang(lang))));
        a.MapGet("/{riskAssessmentId:guid}/by-domain", async (HttpContext http, Guid riskAssessmentId, GetRisksByDomain h, CancellationToken ct) =>
            Problems.Ok(await h.Handle(http.Access(), riskAssessmentId, ct)));
        a.MapGet("/{riskAssessmentId:guid}/by-domain.svg", async (HttpContext http, Guid riskAssessmentId, string? lang, GetRisksByDomain h, CancellationToken ct) =>
            Svg(await h.Handle(http.Access(), riskAssessmentId, ct), v => RisksByDomainSvg.Render(v, Lang(lang))));

        var f = org.MapGroup("/pi-flows").WithTags("Personal-information flows");
        f.MapGet("/", async (HttpContext http, string? service, GetFlowTable h, CancellationToken ct) => TypedResults.Ok(await h.Handle(http.Access(), service, ct)))
            .WithSummary("Lifecycle tables per service (collection → retention/use → provision/entrustment → destruction).");
        f.MapPost("/", async (HttpContext http, FlowRequest req, AddFlow h, CancellationToken ct) =>
            Problems.Created(await h.Handle(http.Access(), req, ct), x => $"/api/v1/orgs/{http.Access().OrganizationId}/pi-flows"));
        f.MapPut("/{flowId:guid}", async (HttpContext http, Guid flowId, FlowRequest req, UpdateFlow h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), flowId, req, ct)));
        f.MapDelete("/{flowId:guid}", async (HttpContext http, Guid flowId, DeleteFlow h, CancellationToken ct) => Problems.NoContent(await h.Handle(http.Access(), flowId, ct)));
        f.MapGet("/diagram.svg", async Task<IResult> (HttpContext http, string? service, string? lang, GetFlowTable h, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(service))
                {
                    return Problems.From(new Invalid("service", "Name the service: ?service=…."));
                }

                var table = (await h.Handle(http.Access(), service, ct)).FirstOrDefault();
                return table is null
                    ? Problems.From(new FlowServiceNotFound())
                    : TypedResults.Text(FlowDiagramSvg.Render(table, Lang(lang)), SvgType);
            })
            .WithSummary("The flow diagram of one service (?service=…), drawn from its lifecycle table.");
    }

    private static Language Lang(string? lang) => LanguageParser.TryParse(lang, out var l) ? l : Language.Ko;

    private static IResult Svg<T>(Domain.Common.Result<T> result, Func<T, string> render) =>
        result.Error is { } e ? Problems.From(e) : TypedResults.Text(render(result.Value!), SvgType);
}
