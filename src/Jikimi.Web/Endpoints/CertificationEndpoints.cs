using Jikimi.Application.Audits;
using Jikimi.Application.Reminders;
using Jikimi.Web.Infrastructure;

namespace Jikimi.Web.Endpoints;

/// <summary>The certification cycle: application statement, audits, findings and corrective actions, committee, certificates.</summary>
public static class CertificationEndpoints
{
    public static void Map(RouteGroupBuilder org)
    {
        org.MapGet("/certification/application", async (HttpContext http, DateOnly? operatingSince, PrepareApplication h, CancellationToken ct) =>
                TypedResults.Ok(await h.Handle(http.Access(), operatingSince, ct)))
            .WithTags("Certification").WithSummary("The application statement (명세서) assembled from the scope, with the minimum-operating-period check and ISO/IEC 27001 note.");

        var audits = org.MapGroup("/audits").WithTags("Audits");
        audits.MapGet("/", async (HttpContext http, ListAudits h, CancellationToken ct) => TypedResults.Ok(await h.Handle(http.Access(), ct)))
            .WithSummary("Audits you may see (an auditor: only those assigned to them).");
        audits.MapPost("/", async (HttpContext http, CreateAuditRequest req, CreateAudit h, CancellationToken ct) =>
                Problems.Created(await h.Handle(http.Access(), req, ct), a => $"/api/v1/orgs/{http.Access().OrganizationId}/audits/{a.Id}"))
            .WithSummary("Apply (kind initial, operatingSince required) or add a surveillance/renewal audit of a certificate; seedFromAuditId copies last year's.");
        audits.MapGet("/{auditId:guid}", async (HttpContext http, Guid auditId, GetAudit h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), auditId, ct)));
        audits.MapPut("/{auditId:guid}", async (HttpContext http, Guid auditId, UpdateAuditRequest req, UpdateAudit h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), auditId, req, ct)))
            .WithSummary("Body, team, audit period, sampling notes; status in-progress starts it. Send the version you read.");
        audits.MapPost("/{auditId:guid}/auditors", async (HttpContext http, Guid auditId, AssignAuditorRequest req, AssignAuditor h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), auditId, req, ct)))
            .WithSummary("Give a member with the auditor role access to this audit only.");
        audits.MapPost("/{auditId:guid}/decision", async (HttpContext http, Guid auditId, DecideAuditRequest req, DecideAudit h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), auditId, req, ct)))
            .WithSummary("The committee's decision (approve, conditional, reject); approval issues the certificate and schedules the next audit.");
        audits.MapPost("/{auditId:guid}/appeal", async (HttpContext http, Guid auditId, AppealRequest req, RecordAppeal h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), auditId, req, ct)))
            .WithSummary("Record an appeal (이의신청) against the final decision: within Certification:AppealDays (15) of it, once (고시 제36조).");
        audits.MapGet("/{auditId:guid}/findings", async (HttpContext http, Guid auditId, bool? overdue, string? status, ListFindings h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), new FindingFilter(auditId, overdue == true, status), ct)))
            .WithTags("Findings");
        audits.MapPost("/{auditId:guid}/findings", async (HttpContext http, Guid auditId, RecordFindingRequest req, RecordFinding h, CancellationToken ct) =>
                Problems.Created(await h.Handle(http.Access(), auditId, req, ct), f => $"/api/v1/orgs/{http.Access().OrganizationId}/findings/{f.Id}"))
            .WithTags("Findings").WithSummary("Record a finding (결함) against a control and check item; the correction deadline runs from noticeOn (default today).");

        var findings = org.MapGroup("/findings").WithTags("Findings");
        findings.MapGet("/", async (HttpContext http, bool? overdue, string? status, ListFindings h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), new FindingFilter(null, overdue == true, status), ct)))
            .WithSummary("All findings you may see; ?overdue=true for those past their correction deadline.");
        findings.MapGet("/{findingId:guid}", async (HttpContext http, Guid findingId, GetFinding h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), findingId, ct)));
        findings.MapPost("/{findingId:guid}/plan", async (HttpContext http, Guid findingId, CorrectionPlanRequest req, PlanCorrection h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), findingId, req, ct)))
            .WithSummary("The corrective-action plan: root cause, action, owner, due date.");
        findings.MapPost("/{findingId:guid}/fix", async (HttpContext http, Guid findingId, FixFindingRequest req, MarkFindingFixed h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), findingId, req, ct)))
            .WithSummary("Report the action done, with evidence.");
        findings.MapPost("/{findingId:guid}/verify", async (HttpContext http, Guid findingId, VerifyFindingRequest req, VerifyFinding h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), findingId, req, ct)))
            .WithSummary("The auditor's verification: accepted closes it; not accepted sends it back for re-correction (once).");
        findings.MapPost("/{findingId:guid}/further-correction", async (HttpContext http, Guid findingId, FurtherCorrectionRequest req, RequestFurtherCorrection h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), findingId, req, ct)))
            .WithSummary("The committee sends a fixed or closed finding back for further correction, due in Certification:FurtherCorrectionDays (30) (고시 제25조⑤); once.");

        org.MapGet("/notifications", async (HttpContext http, int? take, ListNotifications h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), take ?? 100, ct)))
            .WithTags("Notifications").WithSummary("In-app reminders: corrective actions due, surveillance/renewal due, certificate and evidence expiring.");

        var past = org.MapGroup("/past-certificates").WithTags("Certificates");
        past.MapGet("/", async (HttpContext http, Jikimi.Application.History.ListPastCertificates h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), ct)))
            .WithSummary("Certificates held before (K-ISMS, K-PIMS, or ISMS/ISMS-P before Jikimi): number, dates, scope.");
        past.MapPost("/", async (HttpContext http, Jikimi.Application.History.PastCertificateRequest req, Jikimi.Application.History.RecordPastCertificate h, CancellationToken ct) =>
            {
                var r = await h.Handle(http.Access(), req, ct);
                return r.Error is { } e ? (IResult)Problems.From(e) : TypedResults.Created($"/api/v1/orgs/{http.Access().OrganizationId}/past-certificates/{r.Value!.Id}", r.Value);
            })
            .WithSummary("Record a past certificate: {scheme: k-isms|k-pims|isms|isms-p, number, issuedOn, expiresOn, scope}.");

        var certs = org.MapGroup("/certificates").WithTags("Certificates");
        certs.MapGet("/", async (HttpContext http, ListCertificates h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), ct)));
        certs.MapGet("/{certificateId:guid}", async (HttpContext http, Guid certificateId, GetCertificate h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), certificateId, ct)))
            .WithSummary("A certificate with its audits and full history.");
        certs.MapGet("/{certificateId:guid}/timeline.svg", async (HttpContext http, Guid certificateId, GetCertificateTimeline h, CancellationToken ct) =>
            {
                var svg = await h.Handle(http.Access(), certificateId, ct);
                return svg.Error is { } e ? (IResult)Problems.From(e) : TypedResults.Text(svg.Value!, "image/svg+xml; charset=utf-8");
            })
            .Produces<string>(200, "image/svg+xml").WithSummary("The certificate cycle as an SVG picture.");
        foreach (var action in new[] { "suspend", "reinstate", "revoke" })
        {
            certs.MapPost($"/{{certificateId:guid}}/{action}", async (HttpContext http, Guid certificateId, CertificateStatusRequest req, ChangeCertificateStatus h, CancellationToken ct) =>
                    Problems.Ok(await h.Handle(http.Access(), certificateId, action, req, ct)))
                .WithSummary($"{char.ToUpperInvariant(action[0])}{action[1..]} the certificate, with the reason.");
        }
    }
}
