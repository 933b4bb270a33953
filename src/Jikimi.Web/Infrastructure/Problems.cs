using Jikimi.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Infrastructure;

/// <summary>The one place where expected failures become RFC 9457 problem details with a stable code.</summary>
public static class Problems
{
    public static int StatusOf(DomainError error) => error switch
    {
        NotFoundError => StatusCodes.Status404NotFound,
        ConflictError => StatusCodes.Status409Conflict,
        ForbiddenError => StatusCodes.Status403Forbidden,
        TooLargeError => StatusCodes.Status413PayloadTooLarge,
        RuleError => StatusCodes.Status422UnprocessableEntity,
        _ when error.Code is "auth.failed" or "auth.mfa_required" or "auth.mfa_failed" => StatusCodes.Status401Unauthorized,
        _ when error.Code is "auth.locked" => StatusCodes.Status423Locked,
        _ => StatusCodes.Status400BadRequest,
    };

    public static ProblemHttpResult From(DomainError error) => Create(StatusOf(error), error.Code, error.Message);

    public static ProblemHttpResult Create(int status, string code, string detail) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Type = $"https://jikimi.dev/problems/{code}",
            Title = code,
            Detail = detail,
            Extensions = { ["code"] = code },
        });

    /// <summary>Turns a use-case result into 200 (or the given success) or the mapped problem.</summary>
    public static IResult Ok<T>(Result<T> result) => result.Error is { } e ? From(e) : TypedResults.Ok(result.Value);

    public static IResult Created<T>(Result<T> result, Func<T, string> location) =>
        result.Error is { } e ? From(e) : TypedResults.Created(location(result.Value!), result.Value);

    public static IResult NoContent(Result result) => result.Error is { } e ? From(e) : TypedResults.NoContent();
}
