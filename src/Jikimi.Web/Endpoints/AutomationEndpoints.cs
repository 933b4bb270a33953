using Jikimi.Application.Automation;
using Jikimi.Domain.Automation;
using Jikimi.Domain.Common;
using Jikimi.Application.Automation.Prowler;
using Jikimi.Application.Automation.AzurePolicy;
using Jikimi.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Jikimi.Web.Endpoints;

/// <summary>Automated evidence (ADR 0040): runs of technical sources per assessment, results per control, diffs, suggestions.</summary>
public static class AutomationEndpoints
{
    public static void Map(RouteGroupBuilder org)
    {
        var a = org.MapGroup("/assessments/{assessmentId:guid}").WithTags("Automated evidence");
        a.MapPost("/automated-runs", async (HttpContext http, Guid assessmentId, string? source, string? label, string? control, ImportCheckRun checks, ImportProwler prowler, ImportPiiScan pii, Jikimi.Reports.Legacy.ImportLegacySheet legacy, ImportAzurePolicy azure, EvaluateExports exports, CancellationToken ct) =>
                source == ExportsSource ? await Exports(http, assessmentId, label, exports, ct) : await ReportEndpoints.WithUpload(http, ReportEndpoints.InputLimitsOf(http).MaxScanResultBytes, async (body, fileName) =>
                {
                    switch (source ?? AutomatedSources.Checks)
                    {
                        case AutomatedSources.Checks:
                            var r = await checks.Handle(http.Access(), assessmentId, body, fileName, label, ct);
                            return r.Error is { } e ? Problems.From(e)
                                : r.Value!.AlreadyRecorded ? TypedResults.Ok(r.Value)
                                : TypedResults.Created($"/api/v1/orgs/{http.Access().OrganizationId}/assessments/{assessmentId}/automated-runs/{r.Value.Run.Id}", r.Value);
                        case AutomatedSources.PiiScan:
                            var s = await pii.Handle(http.Access(), assessmentId, body, fileName, control, ct);
                            return s.Error is { } se ? Problems.From(se)
                                : s.Value!.AlreadyRecorded ? TypedResults.Ok(s.Value)
                                : TypedResults.Created($"/api/v1/orgs/{http.Access().OrganizationId}/assessments/{assessmentId}/automated-runs/{s.Value.Run.Id}", s.Value);
                        case AutomatedSources.Prowler:
                            var p = await prowler.Handle(http.Access(), assessmentId, body, ct);
                            return p.Error is ProwlerNothingMapped refused ? Problems.From(refused, new Dictionary<string, object?> { ["counts"] = refused.Counts })
                                : p.Error is { } pe ? Problems.From(pe)
                                : p.Value!.AlreadyImported ? TypedResults.Ok(p.Value)
                                : TypedResults.Created($"/api/v1/orgs/{http.Access().OrganizationId}/assessments/{assessmentId}/automated-runs/{p.Value.RunId}", p.Value);
                        case AutomatedSources.Legacy:
                            var l = await legacy.Handle(http.Access(), assessmentId, body, fileName, label, ct);
                            return l.Error is { } le ? Problems.From(le)
                                : l.Value!.AlreadyRecorded ? TypedResults.Ok(l.Value)
                                : TypedResults.Created($"/api/v1/orgs/{http.Access().OrganizationId}/assessments/{assessmentId}/automated-runs/{l.Value.Run.Id}", l.Value);
                        case AutomatedSources.AzurePolicy:
                            var z = await azure.Handle(http.Access(), assessmentId, body, fileName, ct);
                            return z.Error is AzurePolicyNothingMapped none ? Problems.From(none, new Dictionary<string, object?> { ["counts"] = none.Counts })
                                : z.Error is { } ze ? Problems.From(ze)
                                : z.Value!.Recorded.AlreadyRecorded ? TypedResults.Ok(z.Value)
                                : TypedResults.Created($"/api/v1/orgs/{http.Access().OrganizationId}/assessments/{assessmentId}/automated-runs/{z.Value.Recorded.Run.Id}", z.Value);
                        default:
                            return Problems.From(new Invalid("source", "source must be checks (the JSON of `jikimi checks run --format json`), exports (the raw export and facts files, evaluated here), pii_scan (the JSON of `jikimi pii scan --format json`), prowler (JSON-OCSF or CSV), legacy (a K-ISMS results sheet: id, result, note) or azure_policy (the JSON of `az policy state list` for the K ISMS P 2023 initiative, or Defender for Cloud's regulatory-compliance export)."));
                    }
                }))
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data", "application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream")
            .WithSummary("Upload a run (body or multipart 'file'): ?source=checks (default) or prowler, ?label= (what was checked); ?source=pii_scan the JSON of `jikimi pii scan` (?control= links one more control); ?source=exports takes the raw exports and host facts (multipart, one or more files) and evaluates them here with the built-in rules; ?source=legacy the last K-ISMS results as a CSV or XLSX sheet id,result,note (Input:MaxImportBytes), mapped onto 2023 as suggestions with the crosswalk's reason; ?source=azure_policy the K ISMS P 2023 initiative's compliance states (`az policy state list` JSON or Defender's regulatory-compliance export) through Microsoft's group map. 201 with the run; the same results again: 200 with alreadyRecorded.");
        a.MapGet("/automated-runs", async (HttpContext http, Guid assessmentId, string? source, ListAutomatedRuns h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), assessmentId, source, ct)))
            .WithSummary("The runs recorded against the assessment, newest first (?source=).");
        a.MapGet("/automated-runs/{runId:guid}", async (HttpContext http, Guid assessmentId, Guid runId, string? status, string? severity, string? control, GetAutomatedRun h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), assessmentId, runId, status, severity, control, ct)))
            .WithSummary("One run with its results, failures first (?status=fail&severity=high&control=2.5.4).");
        a.MapGet("/automated-runs/{runId:guid}/summary", async (HttpContext http, Guid assessmentId, Guid runId, GetRunSummary h, CancellationToken ct) =>
            {
                var r = await h.Handle(http.Access(), assessmentId, runId, ct);
                return r.Error is { } e ? Problems.From(e) : TypedResults.Content(r.Value, "text/html; charset=utf-8");
            })
            .WithSummary("The run as a one-page HTML summary (Korean and English).");
        a.MapGet("/automated-runs/{runId:guid}/diff", async (HttpContext http, Guid assessmentId, Guid runId, Guid? against, DiffAutomatedRuns h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), assessmentId, runId, against, ct)))
            .WithSummary("Compare with another run of the same source (?against=; default: the run before it in its series): fixed, newly failing, still failing.");
        a.MapGet("/controls/{controlId}/automation", async (HttpContext http, Guid assessmentId, string controlId, GetControlAutomation h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), assessmentId, controlId, ct)))
            .WithSummary("Per series the latest results on the control (counts, failing resources, the run's date), the trend and the suggestions.");
        a.MapGet("/suggestions", async (HttpContext http, Guid assessmentId, ListSuggestions h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), assessmentId, ct)))
            .WithSummary("What the runs suggest for check items (미이행 / 부분 이행), pending first.");
        a.MapPost("/suggestions/{suggestionId:guid}/accept", async (HttpContext http, Guid assessmentId, Guid suggestionId, DecideSuggestionRequest req, AcceptSuggestion h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), assessmentId, suggestionId, req, ct)))
            .WithSummary("Take a suggestion into the check item's result (send the suggestion's version).");
        a.MapPost("/suggestions/{suggestionId:guid}/dismiss", async (HttpContext http, Guid assessmentId, Guid suggestionId, DecideSuggestionRequest req, DismissSuggestion h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), assessmentId, suggestionId, req, ct)))
            .WithSummary("Set a suggestion aside; the check item stays as it is.");
    }

    /// <summary>?source=exports: the raw files the CLI reads, staged on disk and evaluated with the same engine.</summary>
    public const string ExportsSource = "exports";

    private static async Task<IResult> Exports(HttpContext http, Guid assessmentId, string? label, EvaluateExports h, CancellationToken ct)
    {
        // Refuse by role and a missing assessment before reading a byte of the upload.
        if (await h.PrecheckAsync(http.Access(), assessmentId, ct) is { } refused)
        {
            return Problems.From(refused);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = http.RequestServices.GetRequiredService<IOptions<Jikimi.Input.InputLimits>>().Value.RequestLimitFor(EvaluateExports.MaxTotalBytes);
        }

        using var staging = new ExportStaging();
        try
        {
            if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mt) || !string.Equals(mt.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                if (await staging.AddAsync(null, http.Request.Body, ct) is { } tooLarge)
                {
                    return Problems.From(tooLarge);
                }
            }
            else
            {
                var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(mt.Boundary).Value!, http.Request.Body) { HeadersLengthLimit = 16 * 1024 };
                while (await reader.ReadNextSectionAsync(ct) is { } section)
                {
                    if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var cd) && cd.IsFileDisposition()
                        && await staging.AddAsync(cd.FileNameStar.HasValue ? cd.FileNameStar.Value : HeaderUtilities.RemoveQuotes(cd.FileName).Value, section.Body, ct) is { } tooLarge)
                    {
                        return Problems.From(tooLarge);
                    }
                }

                if (staging.Paths.Count == 0)
                {
                    return Problems.From(new FileMissing());
                }
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or BadHttpRequestException)
        {
            return ex is BadHttpRequestException { StatusCode: 413 }
                ? Problems.From(Jikimi.Input.InputError.TooLarge(null, EvaluateExports.MaxTotalBytes).ToDomainError())
                : Problems.From(new UploadIncomplete());
        }

        var r = await h.Handle(http.Access(), assessmentId, staging, label, ct);
        return r.Error is { } e ? Problems.From(e)
            : r.Value!.AlreadyRecorded ? TypedResults.Ok(r.Value)
            : TypedResults.Created($"/api/v1/orgs/{http.Access().OrganizationId}/assessments/{assessmentId}/automated-runs/{r.Value.Run.Id}", r.Value);
    }
}
