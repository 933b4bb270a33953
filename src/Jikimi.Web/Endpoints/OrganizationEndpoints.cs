using Jikimi.Application.AuditTrail;
using Jikimi.Application.Organizations;
using Jikimi.Application.Scope;
using Jikimi.Application.Tokens;
using Jikimi.Web.Infrastructure;

namespace Jikimi.Web.Endpoints;

/// <summary>Organizations, members, scope, API tokens and the audit trail.</summary>
public static class OrganizationEndpoints
{
    public static void Map(RouteGroupBuilder api, RouteGroupBuilder org)
    {
        var orgs = api.MapGroup("/orgs").WithTags("Organizations");
        orgs.MapGet("/", async (HttpContext http, ListMyOrganizations h, CancellationToken ct) => TypedResults.Ok(await h.Handle(http.Actor(), ct)))
            .WithSummary("Organizations you belong to.");
        orgs.MapPost("/", async (HttpContext http, CreateOrganizationRequest req, CreateOrganization h, CancellationToken ct) =>
                Problems.Created(await h.Handle(http.Actor(), req, ct), o => $"/api/v1/orgs/{o.Id}"))
            .WithSummary("Create an organization (instance administrators).");

        org.MapGet("/", async (HttpContext http, GetOrganization h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), ct))).WithTags("Organizations");
        org.MapPut("/", async (HttpContext http, RenameOrganizationRequest req, RenameOrganization h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), req, ct))).WithTags("Organizations");

        org.MapPut("/mfa-requirement", async (HttpContext http, MfaRequirementRequest req, SetMfaRequirement h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), req, ct)))
            .WithTags("Organizations").WithSummary("Make a second factor mandatory for members (administrators).");

        var members = org.MapGroup("/members").WithTags("Members");
        members.MapGet("/", async (HttpContext http, ListMembers h, CancellationToken ct) => TypedResults.Ok(await h.Handle(http.Access(), ct)));
        members.MapPost("/", async (HttpContext http, AddMemberRequest req, AddMember h, CancellationToken ct) =>
                Problems.Created(await h.Handle(http.Access(), req, ct), m => $"/api/v1/orgs/{http.Access().OrganizationId}/members/{m.Member.UserId}"))
            .WithSummary("Add a member; a new user gets a one-time invitation token (returned once).");
        members.MapPut("/{userId:guid}", async (HttpContext http, Guid userId, ChangeRoleRequest req, ChangeMemberRole h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), userId, req, ct)));
        members.MapDelete("/{userId:guid}", async (HttpContext http, Guid userId, RemoveMember h, CancellationToken ct) => Problems.NoContent(await h.Handle(http.Access(), userId, ct)));

        var scope = org.MapGroup("/scope").WithTags("Scope");
        scope.MapGet("/", async (HttpContext http, GetScope h, CancellationToken ct) => TypedResults.Ok(await h.Handle(http.Access(), ct)));
        scope.MapPut("/", async (HttpContext http, UpdateScopeRequest req, UpdateScope h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), req, ct)))
            .WithSummary("Certification (isms|isms-p), edition and statement texts; send the version you read (409 if stale).");
        scope.MapPost("/items", async (HttpContext http, ScopeItemRequest req, SaveScopeItem h, CancellationToken ct) =>
            Problems.Created(await h.Handle(http.Access(), null, req, ct), i => $"/api/v1/orgs/{http.Access().OrganizationId}/scope/items/{i.Id}"));
        scope.MapPut("/items/{itemId:guid}", async (HttpContext http, Guid itemId, ScopeItemRequest req, SaveScopeItem h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), itemId, req, ct)));
        scope.MapDelete("/items/{itemId:guid}", async (HttpContext http, Guid itemId, RemoveScopeItem h, CancellationToken ct) => Problems.NoContent(await h.Handle(http.Access(), itemId, ct)));

        var tokens = org.MapGroup("/api-tokens").WithTags("API tokens");
        tokens.MapGet("/", async (HttpContext http, ListApiTokens h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Access(), ct)));
        tokens.MapPost("/", async (HttpContext http, CreateApiTokenRequest req, CreateApiToken h, CancellationToken ct) =>
                Problems.Created(await h.Handle(http.Access(), req, ct), t => $"/api/v1/orgs/{http.Access().OrganizationId}/api-tokens/{t.Info.Id}"))
            .WithSummary("Create a token for automation, scoped to this organization and a role; the secret is returned once.");
        tokens.MapDelete("/{tokenId:guid}", async (HttpContext http, Guid tokenId, RevokeApiToken h, CancellationToken ct) => Problems.NoContent(await h.Handle(http.Access(), tokenId, ct)));

        org.MapGet("/audit-events", async (HttpContext http, ListAuditEvents h, string? action, string? entityType, string? entityId, Guid? actor, DateTime? from, DateTime? to, int? skip, int? take, CancellationToken ct) =>
                TypedResults.Ok(await h.Handle(http.Access(), new AuditQuery(action, entityType, entityId, actor, from?.ToUniversalTime(), to?.ToUniversalTime(), skip ?? 0, take ?? 100), ct)))
            .WithTags("Audit trail").WithSummary("The organization's audit trail, newest first (action accepts a trailing * wildcard).");
    }
}
