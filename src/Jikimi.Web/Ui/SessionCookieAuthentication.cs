using System.Text.Encodings.Web;
using Jikimi.Application.Accounts;
using Jikimi.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Jikimi.Web.Ui;

/// <summary>
/// The web UI's sign-in: an HttpOnly cookie holding a server-side session secret (the same sessions as the API's bearer
/// tokens, so idle time-out, expiry, revocation and "sign out everywhere" apply alike). Only pages accept it; the API
/// never does, so a cookie can never drive the API cross-site. Forms carry antiforgery tokens. Over HTTPS the cookie is
/// named <c>__Host-jikimi_session</c> (ASVS 3.4.4): browsers then only accept it Secure, for Path=/ and without a
/// Domain, so a sibling subdomain cannot plant or shadow it. Plain HTTP (a laptop, the tests) keeps the bare name, which
/// a browser would refuse with the prefix.
/// </summary>
public sealed class SessionCookieAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Authenticate authenticate)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Session";
    public const string CookieName = "jikimi_session";
    public const string SecureCookieName = "__Host-" + CookieName;

    /// <summary>The cookie's name for this request: with the __Host- prefix over HTTPS (also behind a trusted TLS proxy).</summary>
    public static string NameFor(HttpRequest request) => request.IsHttps ? SecureCookieName : CookieName;

    /// <summary>The session secret the browser sent, under this request's name only.</summary>
    public static string? Read(HttpRequest request) => request.Cookies[NameFor(request)];

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = Read(Request);
        if (string.IsNullOrEmpty(secret))
        {
            return AuthenticateResult.NoResult();
        }

        var principal = await authenticate.Handle(secret, Context.RequestAborted);
        if (principal is null || principal.SessionId is null)
        {
            Clear(Context);
            return AuthenticateResult.Fail("session expired or revoked");
        }

        return AuthenticateResult.Success(Context.SignedIn(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var back = Request.Path + Request.QueryString;
        Response.Redirect("/login?returnUrl=" + Uri.EscapeDataString(back));
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    /// <summary>A browser-session cookie; the server decides when the session ends (idle time-out, lifetime, sign-out).</summary>
    public static void Issue(HttpContext http, string secret) =>
        http.Response.Cookies.Append(NameFor(http.Request), secret, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Path = "/",
        });

    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(NameFor(http.Request), new CookieOptions { Path = "/", Secure = http.Request.IsHttps, HttpOnly = true, SameSite = SameSiteMode.Lax });
}
