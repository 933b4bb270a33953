using Jikimi.Application.Assessments;
using Jikimi.Application.Cloud;
using Jikimi.Web.Infrastructure;

namespace Jikimi.Web.Endpoints;

/// <summary>Cloud providers and their certificates (instance-wide), the organization's cloud usage and inherited controls.</summary>
public static class CloudEndpoints
{
    public static void Map(RouteGroupBuilder api, RouteGroupBuilder org)
    {
        var providers = api.MapGroup("/cloud-providers").WithTags("Cloud");
        providers.MapGet("/", async (HttpContext http, ListCloudProviders h, CancellationToken ct) => TypedResults.Ok(await h.Handle(http.Actor(), ct)))
            .WithSummary("Shipped and added providers with their instance-wide certificates (unknown numbers and dates are left empty).");
        providers.MapPost("/", async (HttpContext http, AddCloudProviderRequest req, AddCloudProvider h, CancellationToken ct) =>
                Problems.Created(await h.Handle(http.Actor(), req, ct), p => $"/api/v1/cloud-providers/{p.Key}"))
            .WithSummary("Add a provider, e.g. a Korean IDC (instance administrators).");
        providers.MapPost("/{providerKey}/certificates", async (HttpContext http, string providerKey, ProviderCertificateRequest req, RecordProviderCertificate h, CancellationToken ct) =>
                Problems.Created(await h.HandleInstance(http.Actor(), providerKey, req, ct), c => $"/api/v1/cloud-providers/{providerKey}/certificates/{c.Id}"))
            .WithSummary("Record a provider certificate for every organization (instance administrators). Reversed or overlapping validity is refused.");

        var cloud = org.MapGroup("/cloud").WithTags("Cloud");
        cloud.MapGet("/", async (HttpContext http, GetInheritance h, CancellationToken ct) => TypedResults.Ok(await h.Handle(http.Access(), ct)))
            .WithSummary("Declared providers and service models, the certificates relied on, and every in-scope control as inherited, shared or own.");
        cloud.MapPut("/usages", async (HttpContext http, DeclareCloudUsageRequest req, DeclareCloudUsage h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), req, ct)))
            .WithSummary("Replace the providers and service models (iaas, paas, saas) the scope runs on.");
        cloud.MapPost("/certificates", async (HttpContext http, ProviderCertificateRequest req, RecordProviderCertificate h, CancellationToken ct) =>
                Problems.Created(await h.Handle(http.Access(), req.Provider ?? string.Empty, req, ct), c => $"/api/v1/orgs/{http.Access().OrganizationId}/cloud"))
            .WithSummary("Record this organization's own copy of a provider certificate (body names the provider) (overrides the instance-wide one), optionally pointing at the certificate file as evidence.");

        org.MapGet("/assessments/{assessmentId:guid}/iso-coverage", async (HttpContext http, Guid assessmentId, string? framework, GetIsoCoverage h, CancellationToken ct) =>
                Problems.Ok(await h.Handle(http.Access(), assessmentId, framework, ct)))
            .WithTags("Crosswalk")
            .WithSummary("Which ISO/IEC 27001 (or framework=iso27017-2015, iso27018-2019) controls the assessment's evidence covers through the crosswalk, and the ISMS-P controls no ISO control reaches.");
    }
}
