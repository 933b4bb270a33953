using Jikimi.Application.Accounts;
using Jikimi.Application.Data;
using Jikimi.Application.Organizations;
using Jikimi.Application.Setup;
using Jikimi.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Web.Endpoints;

/// <summary>First-run setup, sign-in and sign-out, invitations, the current user.</summary>
public static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var setup = api.MapGroup("/setup").WithTags("Setup").AllowAnonymous().RequireRateLimiting(HostSetup.AuthLimiter);
        setup.MapGet("/status", async (JikimiDb db, CancellationToken ct) => TypedResults.Ok(new { setupRequired = !await db.Users.AnyAsync(ct) }))
            .WithSummary("Whether the first administrator still has to be created.");
        setup.MapPost("/", async (CompleteSetupRequest req, CompleteSetup h, CancellationToken ct) => Problems.Ok(await h.Handle(req, ct)))
            .WithSummary("Create the first administrator with the one-time setup token printed at start.");

        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/login", async (SignInRequest req, SignIn h, CancellationToken ct) => Problems.Ok(await h.Handle(req, ct)))
            .AllowAnonymous().RequireRateLimiting(HostSetup.AuthLimiter)
            .WithSummary("Sign in with e-mail and password; returns a bearer session token.");
        auth.MapPost("/logout", async (HttpContext http, SignOut h, bool? everywhere, CancellationToken ct) =>
                Problems.NoContent(await h.Handle(http.Actor(), http.Principal().SessionId, everywhere == true, ct)))
            .WithSummary("End this session, or every session of the user with ?everywhere=true.");
        auth.MapGet("/me", (HttpContext http) => TypedResults.Ok(new { userId = http.Actor().UserId, name = http.Actor().Name, http.Actor().IsSystemAdministrator, apiToken = http.Actor().ApiTokenId is not null }))
            .WithSummary("Who the bearer token belongs to.");

        api.MapPost("/invitations/accept", async (AcceptInvitationRequest req, AcceptInvitation h, CancellationToken ct) => Problems.Ok(await h.Handle(req, ct)))
            .AllowAnonymous().RequireRateLimiting(HostSetup.AuthLimiter).WithTags("Auth")
            .WithSummary("Set your password with an invitation token.");
    }
}
