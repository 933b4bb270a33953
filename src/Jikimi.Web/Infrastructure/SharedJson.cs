using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Jikimi.Web.Infrastructure;

/// <summary>
/// Serializes a cached read model once. The application's read cache hands the same immutable instance to every
/// request until something changes, so the UTF-8 JSON is kept beside that instance (and dies with it).
/// </summary>
public static class SharedJson
{
    private static readonly ConditionalWeakTable<object, byte[]> Bytes = new();

    public static IResult Ok<T>(HttpContext http, Domain.Common.Result<T> result)
        where T : class
    {
        if (result.Error is { } e)
        {
            return Problems.From(e);
        }

        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var bytes = Bytes.GetValue(result.Value!, v => JsonSerializer.SerializeToUtf8Bytes(v, v.GetType(), options));
        return TypedResults.Bytes(bytes, "application/json; charset=utf-8");
    }
}
