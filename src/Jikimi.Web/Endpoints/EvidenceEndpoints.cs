using System.Globalization;
using Jikimi.Application.Evidence;
using Jikimi.Domain.Common;
using Jikimi.Domain.Evidence;
using Jikimi.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Jikimi.Web.Endpoints;

/// <summary>The evidence library: streamed multipart upload, versions, links, safe download, soft delete.</summary>
public static class EvidenceEndpoints
{
    /// <summary>Bytes of one text field of the upload form (title, description, links …).</summary>
    private const int MaxFieldBytes = 64 * 1024;

    public static void Map(RouteGroupBuilder org)
    {
        var e = org.MapGroup("/evidence").WithTags("Evidence");
        e.MapGet("/", async (HttpContext http, string? q, int? expiringWithinDays, bool? includeDeleted, int? skip, int? take, ListEvidence h, CancellationToken ct) =>
                TypedResults.Ok(await h.Handle(http.Access(), new EvidenceFilter(q, expiringWithinDays, includeDeleted == true, skip ?? 0, take ?? 100), ct)))
            .WithSummary("Search the library; ?expiringWithinDays=30 lists what needs refreshing.");
        e.MapPost("/", (HttpContext http, UploadEvidence h, IOptions<EvidenceOptions> o, CancellationToken ct) => Upload(http, null, h, o.Value, ct))
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Upload a file as new evidence (multipart: file, title, description, effectiveDate, refreshIntervalDays, link=assessmentId:controlId[:checkItemId]).");
        e.MapPost("/{evidenceId:guid}/versions", (HttpContext http, Guid evidenceId, UploadEvidence h, IOptions<EvidenceOptions> o, CancellationToken ct) => Upload(http, evidenceId, h, o.Value, ct))
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Upload a new version (multipart: file, effectiveDate).");
        e.MapGet("/{evidenceId:guid}", async (HttpContext http, Guid evidenceId, GetEvidence h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), evidenceId, ct)))
            .WithSummary("Evidence with its versions and where it is used.");
        e.MapPut("/{evidenceId:guid}", async (HttpContext http, Guid evidenceId, UpdateEvidenceRequest req, UpdateEvidence h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), evidenceId, req, ct)));
        e.MapDelete("/{evidenceId:guid}", async (HttpContext http, Guid evidenceId, DeleteEvidence h, CancellationToken ct) => Problems.NoContent(await h.Handle(http.Access(), evidenceId, ct)))
            .WithSummary("Soft delete (kept and audited, no longer served).");
        e.MapGet("/{evidenceId:guid}/download", (HttpContext http, Guid evidenceId, int? version, DownloadEvidence h, CancellationToken ct) => Download(http, evidenceId, version, h, ct))
            .WithSummary("Download the current version, or ?version=N.");
        e.MapPost("/{evidenceId:guid}/links", async (HttpContext http, Guid evidenceId, EvidenceTarget target, LinkEvidence h, CancellationToken ct) =>
            Problems.Created(await h.Handle(http.Access(), evidenceId, target, ct), l => $"/api/v1/orgs/{http.Access().OrganizationId}/evidence/{evidenceId}"));
        e.MapDelete("/{evidenceId:guid}/links/{linkId:guid}", async (HttpContext http, Guid evidenceId, Guid linkId, LinkEvidence h, CancellationToken ct) =>
            Problems.NoContent(await h.Unlink(http.Access(), evidenceId, linkId, ct)));
    }

    private static async Task<IResult> Download(HttpContext http, Guid evidenceId, int? version, DownloadEvidence h, CancellationToken ct)
    {
        var found = await h.Handle(http.Access(), evidenceId, version, ct);
        if (found.Error is { } err)
        {
            return Problems.From(err);
        }

        var d = found.Value!;
        SecurityHeaders.ForUploadedFile(http.Response);
        return TypedResults.Stream(d.Content, d.ContentType, d.FileName, entityTag: new EntityTagHeaderValue($"\"{d.Sha256}\""));
    }

    /// <summary>
    /// Streams the file part straight into the store (never buffered whole, never past the limit); fields may come
    /// before or after it. A cut-off or oversized upload stores nothing.
    /// </summary>
    private static async Task<IResult> Upload(HttpContext http, Guid? evidenceId, UploadEvidence h, EvidenceOptions options, CancellationToken ct)
    {
        var access = http.Access();
        if (h.CanUpload(access).Error is { } denied)
        {
            return Problems.From(denied);
        }

        var limit = options.MaxUploadBytes;
        var requestLimit = http.RequestServices.GetRequiredService<IOptions<Jikimi.Input.InputLimits>>().Value.RequestLimitFor(limit);
        if (http.Request.ContentLength > requestLimit)
        {
            return Problems.From(Jikimi.Input.InputError.TooLarge(null, limit).ToDomainError());
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = requestLimit;
        }

        var boundary = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mt) ? HeaderUtilities.RemoveQuotes(mt.Boundary).Value : null;
        if (!string.Equals(mt?.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(boundary))
        {
            return Problems.From(new MultipartRequired());
        }

        var fields = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        StoredBlob? blob = null;
        string? fileName = null;
        var recorded = false;
        try
        {
            var reader = new MultipartReader(boundary, http.Request.Body) { HeadersLengthLimit = 16 * 1024 };
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var cd))
                {
                    continue;
                }

                if (cd.IsFileDisposition())
                {
                    if (blob is not null)
                    {
                        return Problems.From(new OneFileOnly());
                    }

                    fileName = cd.FileNameStar.HasValue ? cd.FileNameStar.Value : HeaderUtilities.RemoveQuotes(cd.FileName).Value;
                    var stored = await h.Store(section.Body, ct);
                    if (stored.Error is { } se)
                    {
                        return Problems.From(se);
                    }

                    blob = stored.Value;
                }
                else if (cd.Name.HasValue)
                {
                    // A form field is small text: bounded and strict UTF-8 through the input edge.
                    var read = await Jikimi.Input.InputFile.ReadAsync(section.Body, null, null, MaxFieldBytes, ct, allowEmpty: true);
                    if (read.Error is { Kind: Jikimi.Input.InputErrorKind.TooLarge })
                    {
                        return Problems.From(new FieldTooLong(HeaderUtilities.RemoveQuotes(cd.Name).ToString()));
                    }

                    var text = read.Error is null ? read.Value.Utf8() : read.Error;
                    if (text.Error is { } bad)
                    {
                        return Problems.From(bad.ToDomainError());
                    }

                    var value = text.Value;

                    var key = HeaderUtilities.RemoveQuotes(cd.Name).Value!;
                    (fields.TryGetValue(key, out var list) ? list : fields[key] = []).Add(value);
                }
            }

            if (blob is null)
            {
                return Problems.From(new EvidenceEmpty());
            }

            var parsed = ParseFields(fields);
            if (parsed.Problem is { } p)
            {
                return p;
            }

            var result = await h.Record(access, evidenceId, parsed.Request!, blob, fileName, ct);
            recorded = true;
            return result.Error is { } re ? Problems.From(re) : TypedResults.Created($"/api/v1/orgs/{access.OrganizationId}/evidence/{result.Value!.Id}", result.Value);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or BadHttpRequestException or OperationCanceledException)
        {
            // Cut off mid-stream, malformed multipart, or over the body limit: nothing is recorded.
            var tooLarge = ex is BadHttpRequestException { StatusCode: 413 };
            return tooLarge ? Problems.From(Jikimi.Input.InputError.TooLarge(null, limit).ToDomainError()) : Problems.From(new UploadIncomplete());
        }
        finally
        {
            if (!recorded && blob is not null)
            {
                await h.Discard(blob);
            }
        }
    }

    private static (UploadEvidenceRequest? Request, IResult? Problem) ParseFields(Dictionary<string, List<string>> f)
    {
        string? One(string k) => f.TryGetValue(k, out var v) ? v.LastOrDefault() : null;
        DateOnly? effective = null;
        if (One("effectiveDate") is { Length: > 0 } ed)
        {
            if (!DateOnly.TryParseExact(ed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return (null, Problems.From(new Invalid("effectiveDate", "effectiveDate must be yyyy-MM-dd.")));
            }

            effective = d;
        }

        int? refresh = null;
        if (One("refreshIntervalDays") is { Length: > 0 } rd)
        {
            if (!int.TryParse(rd, NumberStyles.None, CultureInfo.InvariantCulture, out var r))
            {
                return (null, Problems.From(new Invalid("refreshIntervalDays", "refreshIntervalDays must be a whole number of days.")));
            }

            refresh = r;
        }

        var links = new List<EvidenceTarget>();
        foreach (var l in f.TryGetValue("link", out var ls) ? ls : [])
        {
            var parts = l.Split(':');
            if (parts.Length is < 2 or > 3 || !Guid.TryParse(parts[0], out var aid))
            {
                return (null, Problems.From(new Invalid("link", "link must be assessmentId:controlId or assessmentId:controlId:checkItemId.")));
            }

            links.Add(new EvidenceTarget(aid, parts[1], parts.Length == 3 ? parts[2] : null));
        }

        return (new UploadEvidenceRequest(One("title"), One("description"), effective, refresh, links), null);
    }
}
