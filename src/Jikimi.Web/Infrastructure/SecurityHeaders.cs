namespace Jikimi.Web.Infrastructure;

/// <summary>Strict headers on every response: no framing, no sniffing, no inline script, no referrer leaks.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference page (Scalar) boots with an inline module script and injects styles; it alone gets inline
    /// script and style, still same-origin only and never framed. It shows public API documentation, no workspace data.
    /// </summary>
    public const string ReferencePagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// For uploaded files: even if a browser ignored attachment and nosniff and rendered the bytes, a sandboxed
    /// document has an opaque origin, no script and no plugins, so it cannot act as the signed-in user.
    /// </summary>
    public const string DownloadPolicy = "sandbox; default-src 'none'; frame-ancestors 'none'";

    /// <summary>Marks a response as an uploaded file's bytes (see <see cref="DownloadPolicy"/>).</summary>
    public static void ForUploadedFile(HttpResponse response) => response.Headers.ContentSecurityPolicy = DownloadPolicy;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        ctx.Response.OnStarting(() =>
        {
            var h = ctx.Response.Headers;
            h["X-Content-Type-Options"] = "nosniff";
            h["X-Frame-Options"] = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Cross-Origin-Resource-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            if (!h.ContainsKey("Content-Security-Policy"))
            {
                h["Content-Security-Policy"] = ctx.Request.Path.StartsWithSegments("/api/reference") ? ReferencePagePolicy : ContentSecurityPolicy;
            }

            if (ctx.Request.IsHttps)
            {
                h["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
            }

            if (!ctx.Request.Path.StartsWithSegments("/static") && !ctx.Request.Path.StartsWithSegments("/api/reference"))
            {
                h["Cache-Control"] = "no-store"; // workspace data never sits in shared or back-button caches
            }

            return Task.CompletedTask;
        });
        await next();
    });
}
