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

        var me = api.MapGroup("/me").WithTags("Account");
        me.MapGet("/", async (HttpContext http, GetProfile h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Actor(), ct)))
            .WithSummary("Your profile: language, MFA state, active sessions.");
        me.MapGet("/audits", async (HttpContext http, Jikimi.Application.Audits.ListMyAudits h, CancellationToken ct) =>
                TypedResults.Ok(await h.Handle(http.Actor(), http.Principal().TokenOrganizationId, ct)))
            .WithSummary("Every audit you are assigned to as auditor, across organizations (an API token: its own organization only).");
        me.MapPut("/preferences", async (HttpContext http, UpdatePreferencesRequest req, UpdatePreferences h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Actor(), req, ct)));
        me.MapPost("/password", async (HttpContext http, ChangePasswordRequest req, ChangePassword h, CancellationToken ct) =>
                Problems.NoContent(await h.Handle(http.Actor(), http.Principal().SessionId, req, ct)))
            .RequireRateLimiting(HostSetup.AuthLimiter).WithSummary("Change your password (recent ones are refused; your other sessions end).");
        me.MapGet("/mfa", async (HttpContext http, GetAuthenticatorSetup h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Actor(), ct)))
            .WithSummary("Authenticator key and otpauth URI for setting up TOTP.");
        me.MapPost("/mfa", async (HttpContext http, MfaCodeRequest req, EnableAuthenticator h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Actor(), req.Code, ct)))
            .RequireRateLimiting(HostSetup.AuthLimiter).WithSummary("Enable TOTP with a code from the app; returns ten recovery codes once.");
        me.MapPost("/mfa/recovery-codes", async (HttpContext http, RegenerateRecoveryCodes h, CancellationToken ct) => Problems.Ok(await h.Handle(http.Actor(), ct)));
        me.MapPost("/mfa/disable", async (HttpContext http, PasswordConfirmation req, DisableAuthenticator h, CancellationToken ct) => Problems.NoContent(await h.Handle(http.Actor(), req.Password, ct)))
            .RequireRateLimiting(HostSetup.AuthLimiter);

        api.MapPost("/invitations/accept", async (AcceptInvitationRequest req, AcceptInvitation h, CancellationToken ct) => Problems.Ok(await h.Handle(req, ct)))
            .AllowAnonymous().RequireRateLimiting(HostSetup.AuthLimiter).WithTags("Auth")
            .WithSummary("Set your password with an invitation token.");
    }
}

public sealed record MfaCodeRequest(string? Code);

public sealed record PasswordConfirmation(string? Password);
