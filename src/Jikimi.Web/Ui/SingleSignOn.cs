using System.Security.Claims;
using Jikimi.Application.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Jikimi.Web.Ui;

/// <summary>OpenID Connect single sign-on (section "Auth:Oidc"); off unless <see cref="Enabled"/>.</summary>
public sealed class OidcSettings
{
    public bool Enabled { get; set; }
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The button's label, e.g. the company's IdP name.</summary>
    public string DisplayName { get; set; } = "SSO";

    /// <summary>Create an account on first SSO sign-in instead of requiring an invitation.</summary>
    public bool AutoProvision { get; set; }

    /// <summary>Count the provider's MFA (an <c>amr</c> of mfa/otp/hwk/swk) as Jikimi MFA for organizations that require it.</summary>
    public bool TrustProviderMfa { get; set; }

    /// <summary>Ask the provider's userinfo endpoint for e-mail and name (off when the ID token carries them).</summary>
    public bool GetClaimsFromUserInfoEndpoint { get; set; } = true;

    /// <summary>Only for tests and labs: allow an http:// authority.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}

public static class SingleSignOn
{
    public const string Scheme = "Oidc";
    public const string ExternalScheme = "External";

    public static void AddSingleSignOn(this IServiceCollection services, IConfiguration config)
    {
        var section = config.GetSection("Auth:Oidc");
        services.Configure<OidcSettings>(section);
        var s = section.Get<OidcSettings>() ?? new OidcSettings();
        if (!s.Enabled)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(s.Authority) || string.IsNullOrWhiteSpace(s.ClientId))
        {
            throw new OptionsValidationException("Auth:Oidc", typeof(OidcSettings), ["Auth:Oidc:Enabled needs Auth:Oidc:Authority and Auth:Oidc:ClientId."]);
        }

        services.AddAuthentication()
            .AddCookie(ExternalScheme, c =>
            {
                c.Cookie.Name = "jikimi_ext";
                c.Cookie.HttpOnly = true;
                c.Cookie.SameSite = SameSiteMode.Lax;
                c.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                c.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddOpenIdConnect(Scheme, o =>
            {
                o.Authority = s.Authority;
                o.ClientId = s.ClientId;
                o.ClientSecret = s.ClientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.SignInScheme = ExternalScheme;
                o.CallbackPath = "/signin-oidc";
                o.SaveTokens = false;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = s.GetClaimsFromUserInfoEndpoint;
                o.RequireHttpsMetadata = s.RequireHttpsMetadata;
                o.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "email" })
                {
                    o.Scope.Add(scope);
                }

                // The callback is a top-level GET (response_mode=query), so Lax cookies arrive; Secure follows the scheme.
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
    }

    public static void MapSingleSignOn(this WebApplication app)
    {
        app.MapGet("/login/sso", (HttpContext http, IOptions<OidcSettings> settings, string? returnUrl) =>
        {
            if (!settings.Value.Enabled)
            {
                return Results.NotFound();
            }

            var back = LocalOrHome(returnUrl);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = "/login/sso/complete?returnUrl=" + Uri.EscapeDataString(back) }, [Scheme]);
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/login/sso/complete", async (HttpContext http, IOptions<OidcSettings> settings, SsoSignIn sso, string? returnUrl) =>
        {
            if (!settings.Value.Enabled)
            {
                return Results.NotFound();
            }

            var external = await http.AuthenticateAsync(ExternalScheme);
            await http.SignOutAsync(ExternalScheme);
            if (!external.Succeeded)
            {
                return Results.Redirect("/login?error=sso");
            }

            var p = external.Principal!;
            var amr = p.FindAll("amr").Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var identity = new ExternalIdentity(
                settings.Value.Authority!,
                p.FindFirstValue("sub") ?? string.Empty,
                p.FindFirstValue("email"),
                string.Equals(p.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase),
                p.FindFirstValue("name"),
                settings.Value.TrustProviderMfa && amr.Overlaps(["mfa", "otp", "hwk", "swk"]));
            var result = await sso.Handle(identity, settings.Value.AutoProvision, http.RequestAborted);
            if (result.Error is { } e)
            {
                return Results.Redirect("/login?error=" + Uri.EscapeDataString(e.Code));
            }

            SessionCookieAuthentication.Issue(http, result.Value!.Token);
            Lang.Remember(http, result.Value.User.Language);
            return Results.LocalRedirect(LocalOrHome(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
    }

    public static string LocalOrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
