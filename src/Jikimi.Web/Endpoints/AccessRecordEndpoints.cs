using Jikimi.Application.AccessRecords;
using Jikimi.Domain.Common;
using Jikimi.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Jikimi.Web.Endpoints;

/// <summary>Access records (issue 17): the registry of personal-information processing systems with retention and log format.</summary>
public static class AccessRecordEndpoints
{
    public static void Map(RouteGroupBuilder org)
    {
        var s = org.MapGroup("/processing-systems").WithTags("Access records");
        s.MapGet("/", async (HttpContext http, ListProcessingSystems h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), ct)))
            .WithSummary("The processing systems (개인정보처리시스템) by name, each with the access-record retention that applies today and its grounds.");
        s.MapPost("/", async (HttpContext http, ProcessingSystemRequest req, RegisterProcessingSystem h, CancellationToken ct) =>
                Problems.Created(await h.Handle(http.Access(), req, ct), x => $"/api/v1/orgs/{http.Access().OrganizationId}/processing-systems/{x.Id}"))
            .WithSummary("Register a system (name, owner, dataSubjects, uniqueIdentifiers, sensitiveData, telecomCarrier, longerRetentionMonths, allowedSources).");
        s.MapGet("/{systemId:guid}", async (HttpContext http, Guid systemId, GetProcessingSystem h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), systemId, ct)))
            .WithSummary("One system with its retention and log format.");
        s.MapPut("/{systemId:guid}", async (HttpContext http, Guid systemId, ProcessingSystemRequest req, UpdateProcessingSystem h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), systemId, req, ct)))
            .WithSummary("Change the name, owner, retention facts or allowed source ranges (send the version read).");
        s.MapPut("/{systemId:guid}/format", async (HttpContext http, Guid systemId, SetAccessLogFormatRequest req, SetAccessLogFormat h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), systemId, req, ct)))
            .WithSummary("Set how the system's log is read: format (csv, tsv, jsonl, syslog-3164, syslog-5424, combined, w3c, postgres-csv, mysql-audit-json) and mapping.");
        s.MapPost("/{systemId:guid}/records", Records)
            .WithSummary("Send access records: one multipart 'file' part (upload) or the log itself as the body (NDJSON from a shipper with an API token). All or nothing; answers the day segments kept and the missing items per field.");
        s.MapGet("/{systemId:guid}/records/verify", async (HttpContext http, Guid systemId, VerifyAccessRecords h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), systemId, ct)))
            .WithSummary("Check the system's segment chain, files and signed head; names the first changed, deleted, reordered or truncated segment.");
        s.MapPost("/{systemId:guid}/records/purge", async (HttpContext http, Guid systemId, PurgeAccessRecords h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), systemId, ct)))
            .WithSummary("Delete the files of days past retention (administrators); the segment rows stay as the purge record.");
    }

    private static async Task<IResult> Records(HttpContext http, Guid systemId, IngestAccessRecords h, AccessRecordStore store, IOptions<Jikimi.Input.InputLimits> limits, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limits.Value.RequestLimitFor(store.MaxIngestBytes);
        }

        try
        {
            if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mt) || !string.Equals(mt.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                return Problems.Ok(await h.Handle(http.Access(), systemId, http.Request.Body, null, ct));
            }

            var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(mt.Boundary).Value!, http.Request.Body) { HeadersLengthLimit = 16 * 1024 };
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var cd) && cd.IsFileDisposition())
                {
                    var name = cd.FileNameStar.HasValue ? cd.FileNameStar.Value : HeaderUtilities.RemoveQuotes(cd.FileName).Value;
                    return Problems.Ok(await h.Handle(http.Access(), systemId, section.Body, Path.GetFileName(name), ct));
                }
            }

            return Problems.From(new FileMissing());
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or BadHttpRequestException)
        {
            return ex is BadHttpRequestException { StatusCode: 413 }
                ? Problems.From(Jikimi.Input.InputError.TooLarge(null, store.MaxIngestBytes).ToDomainError())
                : Problems.From(new UploadIncomplete());
        }
    }
}
