using Jikimi.Domain.Common;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Jikimi.Application.Accounts;
using Jikimi.Application.Common;
using Jikimi.Domain.Organizations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Jikimi.Web.Infrastructure;

/// <summary>
/// "Authorization: Bearer …" with a session token (from /api/v1/auth/login) or an API token. Bearer credentials are
/// never sent by a browser on its own, so the API needs no CSRF token; the web UI's cookie forms use antiforgery.
/// </summary>
public sealed class BearerAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Authenticate authenticate)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var principal = await authenticate.Handle(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (principal is null)
        {
            return AuthenticateResult.Fail("invalid or expired token");
        }

        return AuthenticateResult.Success(Context.SignedIn(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.From(new AuthRequired()).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.From(new AccessDenied()).ExecuteAsync(Context);
}

public static class PrincipalExtensions
{
    /// <summary>Keeps the principal for the request and makes the ticket both sign-in schemes (bearer, session cookie) return.</summary>
    public static AuthenticationTicket SignedIn(this HttpContext http, Principal principal, string scheme)
    {
        http.Items[typeof(Principal)] = principal;
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, principal.Actor.UserId.ToString()), new(ClaimTypes.Name, principal.Actor.Name) };
        return new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, scheme)), scheme);
    }

    public static Principal Principal(this HttpContext http) =>
        http.Items[typeof(Principal)] as Principal ?? throw new InvalidOperationException("endpoint requires authentication");

    public static Actor Actor(this HttpContext http) => http.Principal().Actor;

    /// <summary>The organization access checked by <see cref="OrgAccessFilter"/> for this request.</summary>
    public static OrgAccess Access(this HttpContext http) =>
        http.Items[typeof(OrgAccess)] as OrgAccess ?? throw new InvalidOperationException("endpoint is not under /orgs/{orgId}");
}

/// <summary>
/// The one rule for entering an organization, for the API and the pages alike: an API token only its own
/// organization, a user only where they are a member (and, where the organization requires it, only after a second
/// factor). Anything else is NotFound — the same answer as for an id that does not exist. On success the DbContext is
/// scoped to the organization and the access is kept for the request.
/// </summary>
public static class OrgEntry
{
    public static async Task<Result<OrgAccess>> AdmitAsync(HttpContext http, Principal principal, string? routeOrgId)
    {
        if (!Guid.TryParse(routeOrgId, out var orgId))
        {
            return new NotFound("organization", routeOrgId ?? string.Empty);
        }

        Role? role;
        if (principal.TokenOrganizationId is { } tokenOrg)
        {
            role = tokenOrg == orgId ? principal.TokenRole : null;
        }
        else
        {
            var membership = await http.RequestServices.GetRequiredService<Application.Organizations.ResolveMembership>().Handle(principal.Actor.UserId, orgId, http.RequestAborted);
            if (membership is { RequireMfa: true } && !principal.Mfa)
            {
                return new Application.Common.MfaRequiredByOrganization();
            }

            role = membership?.Role;
        }

        if (role is not { } r)
        {
            return new NotFound("organization", orgId.ToString());
        }

        var db = http.RequestServices.GetRequiredService<Application.Data.JikimiDb>();
        db.UseTenant(orgId);
        var access = new OrgAccess(orgId, r, principal.Actor);

        // An auditor reaches only what their audit needs (AuditorReach): other areas are refused, other assessments not found.
        var rest = RestAfterOrganization(http.Request.Path.Value, orgId);
        if (!Application.Audits.AuditorReach.Allows(r, rest.Length > 0 ? rest[0] : string.Empty))
        {
            return new Forbidden("open this part of the organization as an auditor");
        }

        if (r == Role.Auditor && rest is ["assessments", var id, ..] && Guid.TryParse(id, out var assessmentId)
            && !await Application.Audits.AuditorReach.MayOpenAssessmentAsync(db, access, assessmentId, http.RequestAborted))
        {
            return new NotFound("assessment", assessmentId.ToString());
        }

        http.Items[typeof(OrgAccess)] = access;
        return access;
    }

    /// <summary>The path segments after "/orgs/{orgId}" (API and pages), e.g. ["assessments", "{id}", "controls"].</summary>
    internal static string[] RestAfterOrganization(string? path, Guid orgId)
    {
        var marker = "/orgs/" + orgId.ToString();
        var at = path?.IndexOf(marker, StringComparison.OrdinalIgnoreCase) ?? -1;
        return at < 0 ? [] : path![(at + marker.Length)..].Split('/', StringSplitOptions.RemoveEmptyEntries);
    }
}

/// <summary>Admits a request to /api/v1/orgs/{orgId}/… by <see cref="OrgEntry"/>; refusals are problem details.</summary>
public sealed class OrgAccessFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var admitted = await OrgEntry.AdmitAsync(http, http.Principal(), http.Request.RouteValues["orgId"]?.ToString());
        return admitted.Error switch
        {
            null => await next(context),
            NotFoundError => Problems.From(new NotFound("organization", http.Request.RouteValues["orgId"]?.ToString() ?? string.Empty)),
            var e => Problems.From(e),
        };
    }
}
