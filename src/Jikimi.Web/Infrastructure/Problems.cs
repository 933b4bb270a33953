using Jikimi.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Jikimi.Web.Infrastructure;

/// <summary>
/// The one place where expected failures become RFC 9457 problem details with a stable code. The status comes from
/// the error's kind alone (<see cref="StatusOf"/>, shared with the pages); the detail is the error's text in the
/// caller's language from <see cref="ErrorTexts"/> (Korean when Accept-Language prefers it, English otherwise).
/// </summary>
public static class Problems
{
    public static int StatusOf(DomainError error) => error switch
    {
        PipelineError p => p.Status,
        NotFoundError => StatusCodes.Status404NotFound,
        ConflictError => StatusCodes.Status409Conflict,
        ForbiddenError => StatusCodes.Status403Forbidden,
        UnauthorizedError => StatusCodes.Status401Unauthorized,
        LockedError => StatusCodes.Status423Locked,
        TooLargeError => StatusCodes.Status413PayloadTooLarge,
        UnsupportedMediaError => StatusCodes.Status415UnsupportedMediaType,
        RuleError => StatusCodes.Status422UnprocessableEntity,
        MalformedRequestError => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The problem for an expected failure; <paramref name="extensions"/> adds members such as a list of row problems.</summary>
    public static IResult From(DomainError error, IReadOnlyDictionary<string, object?>? extensions = null) => new Problem(error, extensions);

    /// <summary>A bug or an infrastructure failure (logged by the caller): 500 with a fixed text, never the exception's.</summary>
    public static IResult ServerError() => Create(StatusCodes.Status500InternalServerError, "server.error", "Something went wrong on the server; it has been logged.", null);

    /// <summary>Turns a use-case result into 200 (or the given success) or the mapped problem.</summary>
    public static IResult Ok<T>(Result<T> result) => result.Error is { } e ? From(e) : TypedResults.Ok(result.Value);

    public static IResult Created<T>(Result<T> result, Func<T, string> location) =>
        result.Error is { } e ? From(e) : TypedResults.Created(location(result.Value!), result.Value);

    public static IResult NoContent(Result result) => result.Error is { } e ? From(e) : TypedResults.NoContent();

    /// <summary>True when the request's Accept-Language puts Korean before English (or names only Korean).</summary>
    public static bool PrefersKorean(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var langs))
        {
            return false;
        }

        var best = langs.OrderByDescending(l => l.Quality ?? 1.0)
            .Select(l => l.Value.Value ?? string.Empty)
            .FirstOrDefault(v => v.StartsWith("ko", StringComparison.OrdinalIgnoreCase) || v.StartsWith("en", StringComparison.OrdinalIgnoreCase));
        return best is not null && best.StartsWith("ko", StringComparison.OrdinalIgnoreCase);
    }

    private static IResult Create(int status, string code, string detail, IReadOnlyDictionary<string, object?>? extensions)
    {
        var pd = new ProblemDetails
        {
            Status = status,
            Type = $"https://jikimi.dev/problems/{code}",
            Title = code,
            Detail = detail,
            Extensions = { ["code"] = code },
        };
        foreach (var (k, v) in extensions ?? new Dictionary<string, object?>())
        {
            pd.Extensions[k] = v;
        }

        return TypedResults.Problem(pd);
    }

    /// <summary>Chooses the language when it is written, where the request is known.</summary>
    private sealed class Problem(DomainError error, IReadOnlyDictionary<string, object?>? extensions) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => StatusOf(error);

        public Task ExecuteAsync(HttpContext httpContext) =>
            Create(StatusOf(error), error.Code, ErrorTexts.Detail(error, PrefersKorean(httpContext.Request)), extensions).ExecuteAsync(httpContext);
    }
}
