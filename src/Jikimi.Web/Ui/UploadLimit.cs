using Jikimi.Application.Evidence;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Jikimi.Web.Ui;

/// <summary>
/// Marks a page whose forms carry evidence files: its requests may be as large as Evidence:MaxUploadBytes (plus the
/// multipart envelope) while every other page and API body keeps the server's small default limit.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EvidenceUploadAttribute : Attribute;

public static class UploadLimit
{
    public static IApplicationBuilder UseEvidenceUploadLimit(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (HttpMethods.IsPost(ctx.Request.Method) && ctx.GetEndpoint()?.Metadata.GetMetadata<EvidenceUploadAttribute>() is not null)
        {
            var maxFile = ctx.RequestServices.GetRequiredService<IOptions<EvidenceOptions>>().Value.MaxUploadBytes;
            var limit = ctx.RequestServices.GetRequiredService<IOptions<Jikimi.Input.InputLimits>>().Value.RequestLimitFor(maxFile);
            if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            ctx.Features.Set<IFormFeature>(new FormFeature(ctx.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        }

        await next();
    });
}
