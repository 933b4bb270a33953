using Jikimi.Application.AccessRecords;
using Jikimi.Web.Infrastructure;

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
    }
}
