using System.Globalization;

namespace Jikimi.Web.Ui;

/// <summary>
/// The UI language of this request: Korean by default, English by choice (a cookie set from the user's saved
/// preference at sign-in and by the switch). Texts are written as pairs at the point of use — <c>L("조직", "Organizations")</c> —
/// so a page cannot ship with one language missing (ADR 0016).
/// </summary>
public static class Lang
{
    public const string CookieName = "jikimi_lang";

    private static readonly CultureInfo Ko = CultureInfo.GetCultureInfo("ko-KR");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Code => IsEnglish ? "en" : "ko";

    public static Jikimi.Catalog.Model.Language Catalog => IsEnglish ? Jikimi.Catalog.Model.Language.En : Jikimi.Catalog.Model.Language.Ko;

    public static string L(string ko, string en) => IsEnglish ? en : ko;

    public static string Pick(string? ko, string? en) => (IsEnglish ? en : ko) ?? ko ?? en ?? string.Empty;

    public static void Apply(string? code)
    {
        var c = code == "en" ? En : Ko;
        CultureInfo.CurrentCulture = c;
        CultureInfo.CurrentUICulture = c;
    }

    public static void Remember(HttpContext http, string code) =>
        http.Response.Cookies.Append(CookieName, code == "en" ? "en" : "ko", new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
            Path = "/",
        });

    /// <summary>Sets the request's language from the cookie (anything but "en" is Korean).</summary>
    public static IApplicationBuilder UseUiLanguage(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        Apply(ctx.Request.Cookies[CookieName]);
        await next();
    });
}
