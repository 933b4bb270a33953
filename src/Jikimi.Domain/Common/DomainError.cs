namespace Jikimi.Domain.Common;

/// <summary>An expected failure with a stable code. The web layer maps the kind to an HTTP status in one place.</summary>
public abstract record DomainError(string Code, string Message);

/// <summary>404: the thing does not exist (or belongs to another organization).</summary>
public abstract record NotFoundError(string Code, string Message) : DomainError(Code, Message);

/// <summary>409: the request conflicts with the current state.</summary>
public abstract record ConflictError(string Code, string Message) : DomainError(Code, Message);

/// <summary>422: the request is well-formed but breaks a rule.</summary>
public abstract record RuleError(string Code, string Message) : DomainError(Code, Message);

/// <summary>403: the caller may see the thing but not do this.</summary>
public abstract record ForbiddenError(string Code, string Message) : DomainError(Code, Message);

public sealed record NotFound(string Entity, string Id) : NotFoundError($"{Entity}.not_found", $"{Entity} '{Id}' was not found.");

public sealed record Forbidden(string Action) : ForbiddenError("access.forbidden", $"Your role may not {Action}.");

public sealed record ConcurrentEdit(string Entity) : ConflictError("concurrency.conflict", $"The {Entity} was changed by someone else; reload and try again.");

/// <summary>Another request created the same thing at the same moment (a unique index refused the second).</summary>
public sealed record DuplicateRecord(string Entity) : ConflictError("conflict.duplicate", $"The {Entity} already exists: another request created it at the same moment.");

public sealed record Invalid(string Field, string Problem) : RuleError($"validation.{Field}", Problem);

/// <summary>413: the request body is larger than allowed.</summary>
public abstract record TooLargeError(string Code, string Message) : DomainError(Code, Message);

/// <summary>401: the caller is not (or not yet fully) signed in: wrong credentials, a missing second factor.</summary>
public abstract record UnauthorizedError(string Code, string Message) : DomainError(Code, Message);

/// <summary>423: the account is locked for a while after repeated failures.</summary>
public abstract record LockedError(string Code, string Message) : DomainError(Code, Message);

/// <summary>
/// 400: the request itself could not be read (not multipart, a part missing, an upload cut short). A readable
/// request whose values break a rule is a <see cref="RuleError"/> (422) instead (ADR 0021).
/// </summary>
public abstract record MalformedRequestError(string Code, string Message) : DomainError(Code, Message);
