using Jikimi.Application.Assets;
using Jikimi.Domain.Risk;
using Jikimi.Input;
using Jikimi.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Jikimi.Web.Endpoints;

/// <summary>The asset inventory (1.2.1): paged list, create/replace/delete, CSV import (all or nothing) and export.</summary>
public static class AssetEndpoints
{
    public static void Map(RouteGroupBuilder org)
    {
        var a = org.MapGroup("/assets").WithTags("Assets");
        a.MapGet("/", async (HttpContext http, string? type, bool? inScope, bool? personalInfo, string? q, int? page, int? pageSize, ListAssets h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), new AssetFilter(type, inScope, personalInfo, q, page ?? 1, pageSize ?? 50), ct)))
            .WithSummary("One page of the inventory in asset-id order (?type, ?inScope, ?personalInfo, ?q, ?page, ?pageSize ≤ 500).");
        a.MapPost("/", async (HttpContext http, AssetRequest req, CreateAsset h, CancellationToken ct) =>
            Problems.Created(await h.Handle(http.Access(), req, ct), x => $"/api/v1/orgs/{http.Access().OrganizationId}/assets/{x.Id}"));
        a.MapGet("/{assetId:guid}", async (HttpContext http, Guid assetId, GetAsset h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), assetId, ct)));
        a.MapPut("/{assetId:guid}", async (HttpContext http, Guid assetId, AssetRequest req, UpdateAsset h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), assetId, req, ct)))
            .WithSummary("Replace an asset's fields; send the version you read.");
        a.MapDelete("/{assetId:guid}", async (HttpContext http, Guid assetId, DeleteAsset h, CancellationToken ct) => Problems.NoContent(await h.Handle(http.Access(), assetId, ct)));
        a.MapGet("/export.csv", async (HttpContext http, ExportAssets h, CancellationToken ct) =>
                TypedResults.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(AssetCsv.Write(await h.Handle(http.Access(), ct)))).ToArray(), "text/csv; charset=utf-8", "assets.csv"))
            .WithSummary("The whole inventory as CSV (UTF-8 with BOM, owners by e-mail); the same columns import back.")
            .AddEndpointFilter(AnchorAfterExport);
        // No Accepts("text/csv") metadata: it would turn a wrong content type into 415 before the organization check.
        a.MapGet("/export.xlsx", async (HttpContext http, ExportAssets h, CancellationToken ct) =>
                TypedResults.File(Jikimi.Reports.Assets.AssetXlsx.Write(await h.Handle(http.Access(), ct)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "assets.xlsx"))
            .WithSummary("The whole inventory as XLSX (same columns as the CSV; imports back).")
            .AddEndpointFilter(AnchorAfterExport);
        a.MapPost("/import", Import)
            .DisableAntiforgery()
            .WithSummary("Import a CSV (UTF-8) or XLSX body all or nothing; 422 import.rejected lists every problem as errors[{row, column, code, message}].");
    }

    private static async Task<IResult> Import(HttpContext http, ImportAssets h, IOptions<InputLimits> limits, CancellationToken ct)
    {
        // Fail before reading a large body from someone who may not import.
        if (h.CanImport(http.Access()).Error is { } denied)
        {
            return Problems.From(denied);
        }

        var read = await AssetCsv.ReadUploadAsync(http.Request.Body, "request body", http.Request.ContentLength, limits.Value, ct);
        if (read.Error is { } unreadable)
        {
            return Problems.From(unreadable);
        }

        var result = await h.Handle(http.Access(), read.Value!, ct);
        return result.Error is ImportRejected rejected ? Rejected(rejected) : Problems.Ok(result);
    }

    /// <summary>The import's problem details carry every row error (row 1 = the header).</summary>
    public static IResult Rejected(ImportRejected rejected) =>
        Problems.From(rejected, new Dictionary<string, object?> { ["errors"] = rejected.Errors });

    /// <summary>An export also anchors the audit chains' heads (ADR 0052), after the inventory was read.</summary>
    private static async ValueTask<object?> AnchorAfterExport(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var result = await next(ctx);
        await Infrastructure.AuditAnchorScheduler.AfterExportAsync(ctx.HttpContext.RequestServices, ctx.HttpContext.RequestAborted);
        return result;
    }
}
