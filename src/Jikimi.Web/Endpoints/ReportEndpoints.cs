using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Common;
using Jikimi.Reports.Common;
using Jikimi.Reports.Findings;
using Jikimi.Reports.Oscal;
using Jikimi.Application.Automation.Prowler;
using Jikimi.Reports.Readiness;
using Jikimi.Reports.Statement;
using Jikimi.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Jikimi.Web.Endpoints;

/// <summary>Documents in and out: the operation statement (XLSX both ways), the readiness report, OSCAL, Prowler results.</summary>
public static class ReportEndpoints
{
    public static void Map(RouteGroupBuilder org)
    {
        var a = org.MapGroup("/assessments/{assessmentId:guid}").WithTags("Documents");
        a.MapGet("/statement", async (HttpContext http, Guid assessmentId, string? lang, ExportStatement h, CancellationToken ct) =>
                await File(http, await h.Handle(http.Access(), assessmentId, Lang(lang), ct)))
            .WithSummary("The operation statement (운영명세서) as XLSX, ?lang=ko|en.");
        a.MapPost("/statement", async (HttpContext http, Guid assessmentId, ImportStatement h, CancellationToken ct) =>
                await WithUpload(http, InputLimitsOf(http).MaxImportBytes, async body => Imported(await h.Handle(http.Access(), assessmentId, body, ct))))
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data", ReportFile.Xlsx, "application/octet-stream")
            .WithSummary("Import an edited operation statement (XLSX body or multipart 'file'); any problem refuses the whole file (422 with cell references).");
        a.MapGet("/reports/readiness", async (HttpContext http, Guid assessmentId, string? format, string? lang, BuildReadinessReport h, CancellationToken ct) =>
                ReportFormats.TryParse(format ?? "pdf", out var f) ? await File(http, await h.Handle(http.Access(), assessmentId, Lang(lang), f, ct)) : BadFormat())
            .WithSummary("The readiness report for management, ?format=pdf|html&lang=ko|en.");
        a.MapGet("/oscal", async (HttpContext http, Guid assessmentId, string? lang, ExportOscalResults h, CancellationToken ct) =>
                await File(http, await h.Handle(http.Access(), assessmentId, Lang(lang), ct)))
            .WithSummary("The assessment as OSCAL 1.0.4 assessment results (JSON).");

        org.MapGet("/audits/{auditId:guid}/reports/findings", async (HttpContext http, Guid auditId, string? format, string? lang, BuildFindingsReport h, CancellationToken ct) =>
                ReportFormats.TryParse(format ?? "pdf", out var f) ? await File(http, await h.Handle(http.Access(), auditId, Lang(lang), f, ct)) : BadFormat())
            .WithTags("Documents").WithSummary("The findings report (결함보고서) of one audit with the corrective actions, ?format=pdf|html&lang=ko|en.");

        org.MapGet("/oscal/catalog", IResult (string? edition, string? lang) =>
            {
                if (!EditionId.TryParse(edition ?? "2023", out var id))
                {
                    return Problems.From(new Invalid("edition", "edition must be 2023, 2018, 7-2 or 7-3."));
                }

                var bytes = OscalCatalog.Export(CriteriaCatalog.Embedded[id], Lang(lang));
                return TypedResults.File(bytes, ReportFile.Json, $"oscal-catalog-{id.Value}.json");
            })
            .WithTags("Documents").WithSummary("A criteria edition as an OSCAL 1.0.4 catalog (JSON), ?edition=2023&lang=ko|en.");
        org.MapPost("/prowler", async (HttpContext http, Guid? assessmentId, ImportProwler h, CancellationToken ct) =>
                await WithUpload(http, InputLimitsOf(http).MaxScanResultBytes, async body =>
                {
                    var r = await h.Handle(http.Access(), assessmentId, body, ct);
                    if (r.Error is ProwlerNothingMapped refused)
                    {
                        return Problems.From(refused, new Dictionary<string, object?> { ["counts"] = refused.Counts });
                    }

                    if (r.Error is { } e)
                    {
                        return Problems.From(e);
                    }

                    return r.Value!.AlreadyImported
                        ? TypedResults.Ok(r.Value)
                        : TypedResults.Created($"/api/v1/orgs/{http.Access().OrganizationId}/evidence/{r.Value.EvidenceId}", r.Value);
                }))
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data", "application/json", "text/csv", "application/octet-stream")
            .WithTags("Documents").WithSummary("Attach Prowler results (JSON-OCSF or CSV; body or multipart 'file') as evidence; ?assessmentId= (default: newest). The same results again: 200 with alreadyImported=true.");
    }

    private static Language Lang(string? lang) => LanguageParser.TryParse(lang, out var l) ? l : Language.Ko;

    private static IResult BadFormat() => Problems.From(new Invalid("format", "format must be pdf or html."));

    /// <summary>The report as a download; a delivered report also anchors the audit chains' heads (ADR 0052).</summary>
    private static async Task<IResult> File(HttpContext http, Result<ReportFile> r)
    {
        if (r.Error is { } e)
        {
            return Problems.From(e);
        }

        await AuditAnchorScheduler.AfterExportAsync(http.RequestServices, http.RequestAborted);
        return TypedResults.File(r.Value!.Content, r.Value.ContentType, r.Value.FileName);
    }

    private static IResult Imported(Result<StatementImportReport> r)
    {
        if (r.Error is StatementRejected rejected)
        {
            return Problems.From(rejected, new Dictionary<string, object?>
            {
                ["problems"] = rejected.Problems.Select(p => new { cell = p.Cell, code = p.Code, message = p.Message }).ToList(),
            });
        }

        return r.Error is { } e ? Problems.From(e) : TypedResults.Ok(r.Value);
    }

    /// <summary>The configured limits on outside input (section <c>Input</c>).</summary>
    internal static Jikimi.Input.InputLimits InputLimitsOf(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<Jikimi.Input.InputLimits>>().Value;

    /// <summary>The uploaded file as a stream: the request body itself, or the first file of a multipart form.</summary>
    private static Task<IResult> WithUpload(HttpContext http, long limit, Func<Stream, Task<IResult>> handle) =>
        WithUpload(http, limit, (body, _) => handle(body));

    /// <summary>As above, with the file's name (the multipart part's, or null for a bare body).</summary>
    internal static async Task<IResult> WithUpload(HttpContext http, long limit, Func<Stream, string?, Task<IResult>> handle)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = InputLimitsOf(http).RequestLimitFor(limit);
        }

        try
        {
            var boundary = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mt) && string.Equals(mt.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
                ? HeaderUtilities.RemoveQuotes(mt.Boundary).Value
                : null;
            if (boundary is null)
            {
                return await handle(http.Request.Body, null);
            }

            var reader = new MultipartReader(boundary, http.Request.Body) { HeadersLengthLimit = 16 * 1024 };
            while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var cd) && cd.IsFileDisposition())
                {
                    return await handle(section.Body, cd.FileNameStar.HasValue ? cd.FileNameStar.Value : HeaderUtilities.RemoveQuotes(cd.FileName).Value);
                }
            }

            return Problems.From(new FileMissing());
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or BadHttpRequestException)
        {
            return ex is BadHttpRequestException { StatusCode: 413 }
                ? Problems.From(Jikimi.Input.InputError.TooLarge("upload", limit).ToDomainError())
                : Problems.From(new UploadIncomplete());
        }
    }
}
