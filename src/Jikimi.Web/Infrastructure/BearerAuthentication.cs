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

        Context.Items[typeof(Principal)] = principal;
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, principal.Actor.UserId.ToString()), new(ClaimTypes.Name, principal.Actor.Name) };
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Create(401, "auth.required", "Sign in (POST /api/v1/auth/login) or send an API token as 'Authorization: Bearer …'.").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Create(403, "access.forbidden", "You may not do this.").ExecuteAsync(Context);
}

public static class PrincipalExtensions
{
    public static Principal Principal(this HttpContext http) =>
        http.Items[typeof(Principal)] as Principal ?? throw new InvalidOperationException("endpoint requires authentication");

    public static Actor Actor(this HttpContext http) => http.Principal().Actor;

    /// <summary>The organization access checked by <see cref="OrgAccessFilter"/> for this request.</summary>
    public static OrgAccess Access(this HttpContext http) =>
        http.Items[typeof(OrgAccess)] as OrgAccess ?? throw new InvalidOperationException("endpoint is not under /orgs/{orgId}");
}

/// <summary>
/// Admits a request to /api/v1/orgs/{orgId}/…: an API token only to its own organization, a user only where they are
/// a member. Anything else is 404 — the same answer as for an id that does not exist. Then scopes the DbContext.
/// </summary>
public sealed class OrgAccessFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var notFound = Problems.Create(404, "organization.not_found", "Organization not found.");
        if (!Guid.TryParse(http.Request.RouteValues["orgId"]?.ToString(), out var orgId))
        {
            return notFound;
        }

        var principal = http.Principal();
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
                return Problems.From(new Application.Common.MfaRequiredByOrganization());
            }

            role = membership?.Role;
        }

        if (role is not { } r)
        {
            return notFound;
        }

        http.RequestServices.GetRequiredService<Application.Data.JikimiDb>().UseTenant(orgId);
        http.Items[typeof(OrgAccess)] = new OrgAccess(orgId, r, principal.Actor);
        return await next(context);
    }
}
