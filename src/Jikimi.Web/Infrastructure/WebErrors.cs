using Jikimi.Domain.Common;

namespace Jikimi.Web.Infrastructure;

// Failures only the HTTP edge meets: the request could not be read, or the pipeline refused it before a use case ran.
// They are DomainError kinds like the others, so one status map and one text catalog cover them (ADR 0021).

public sealed record AuthRequired() : UnauthorizedError("auth.required", "Sign in (POST /api/v1/auth/login) or send an API token as 'Authorization: Bearer …'.");

public sealed record AccessDenied() : ForbiddenError("access.forbidden", "You may not do this.");

/// <summary>The request body passed the server's limit; a file over its own limit is <c>input.too_large</c> instead.</summary>
public sealed record RequestTooLarge() : TooLargeError("request.too_large", "The request body is too large.");

public sealed record RequestInvalid(string Detail) : MalformedRequestError("request.invalid", Detail);

public sealed record MultipartRequired() : UnsupportedMediaError("request.multipart_required", "Send the file as multipart/form-data with a 'file' part.");

public sealed record OneFileOnly() : MalformedRequestError("request.one_file", "Send one file per upload.");

public sealed record FieldTooLong(string Field) : MalformedRequestError("request.field_too_long", $"Field '{Field}' is too long.");

public sealed record UploadIncomplete() : MalformedRequestError("request.upload_incomplete", "The upload was incomplete or malformed; nothing was stored.");

public sealed record FileMissing() : MalformedRequestError("request.file_missing", "Send the file as the request body or as a multipart 'file' part.");

public sealed record FlowServiceNotFound() : NotFoundError("pi_flow.not_found", "No lifecycle rows for this service.");

/// <summary>415: the body's content type is not one this endpoint reads.</summary>
public abstract record UnsupportedMediaError(string Code, string Message) : DomainError(Code, Message);

/// <summary>A refusal of the HTTP pipeline itself (no route, wrong method, rate limit): its status is the pipeline's.</summary>
public abstract record PipelineError(int Status, string Code, string Message) : DomainError(Code, Message);

public sealed record RouteNotFound() : PipelineError(404, "route.not_found", "No such endpoint.");

public sealed record MethodNotAllowed() : PipelineError(405, "request.method_not_allowed", "This endpoint does not accept that HTTP method.");

public sealed record UnsupportedMediaType() : PipelineError(415, "request.unsupported_media_type", "Unsupported content type (JSON endpoints take application/json; uploads take multipart/form-data).");

public sealed record RateLimited() : PipelineError(429, "request.rate_limited", "Too many attempts; wait a minute.");

public sealed record RequestFailed(int HttpStatus) : PipelineError(HttpStatus, "request.failed", "The request failed.");

/// <summary>The sheet could not be read at all (before any row was checked); its code names the sheet problem.</summary>
public sealed record ImportSheetUnreadable(string SheetCode, string Detail) : RuleError("import." + SheetCode, Detail);
