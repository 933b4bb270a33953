using Jikimi.Input;

namespace Jikimi.Domain.Common;

/// <summary>An outside file over a limit (bytes, rows, field or line length): 413 with the input's own code.</summary>
public sealed record InputTooLarge(InputError? Input)
    : TooLargeError(Input?.Code ?? InputError.TooLargeCode, Input?.Message ?? "The file is larger than the limit.");

/// <summary>An outside file that is empty, not UTF-8 or not in its format: 422 with the input's own code and place.</summary>
public sealed record InputRefused(InputError? Input)
    : RuleError(Input?.Code ?? InputError.MalformedCode, Input?.Message ?? "The file could not be read.");

/// <summary>The one mapping of <see cref="InputError"/> into the error hierarchy (ADR 0038).</summary>
public static class InputErrors
{
    public static DomainError ToDomainError(this InputError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind == InputErrorKind.TooLarge ? new InputTooLarge(error) : new InputRefused(error);
    }

    /// <summary>The place an input error names (file, line, row, column), or null for other errors.</summary>
    public static InputPlace? PlaceOf(DomainError error) => error switch
    {
        InputTooLarge { Input.Place: { } p } => p,
        InputRefused { Input.Place: { } p } => p,
        _ => null,
    };
}
