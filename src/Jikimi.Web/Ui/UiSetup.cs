using Jikimi.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Ui;

/// <summary>The server-rendered web UI (Razor Pages): registration and pipeline pieces, called from <see cref="HostSetup"/>.</summary>
public static class UiSetup
{
    public const string Policy = "ui";

    public static void AddJikimiUi(this IServiceCollection services, IConfiguration config)
    {
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/", Policy);
                foreach (var page in new[] { "/Login", "/LoginMfa", "/Setup", "/Invitation", "/Language", "/Error" })
                {
                    o.Conventions.AllowAnonymousToPage(page);
                }
            })
            .AddApplicationPart(typeof(UiSetup).Assembly)
            .AddMvcOptions(o => o.Filters.Add<OrgPageFilter>());
        services.AddScoped<OrgPageFilter>();
        // Hangul as text, not &#x…; entities (still HTML-escaped: < > & " ' are always encoded).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "jikimi_flash";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddSingleton<StaticAssets>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, SessionCookieAuthentication>(SessionCookieAuthentication.SchemeName, null);
        services.AddAuthorization(o => o.AddPolicy(Policy, p => p.AddAuthenticationSchemes(SessionCookieAuthentication.SchemeName).RequireAuthenticatedUser()));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "jikimi_af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__af";
            o.HeaderName = "X-Jikimi-AF";
        });
        services.AddSingleSignOn(config);
    }

    public static void MapJikimiUi(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapGet("/static/{**path}", (HttpContext http, string path, StaticAssets assets) => assets.Serve(http, path)).AllowAnonymous().ExcludeFromDescription();
        app.MapSingleSignOn();
    }

    /// <summary>True for requests that a browser makes for a page (not the API, not static files).</summary>
    public static bool IsPageRequest(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/static") && !request.Path.StartsWithSegments("/openapi")
        && !request.Path.StartsWithSegments("/health");
}
