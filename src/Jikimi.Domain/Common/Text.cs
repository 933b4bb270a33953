namespace Jikimi.Domain.Common;

/// <summary>Checks for user-typed text: trimmed, bounded, no control characters.</summary>
public static class Text
{
    public static Result<string> Required(string field, string? value, int maxLength)
    {
        var v = value?.Trim() ?? string.Empty;
        if (v.Length == 0)
        {
            return new Invalid(field, $"{field} is required.");
        }

        return Optional(field, v, maxLength) is { Error: { } e } ? e : v;
    }

    public static Result<string?> Optional(string field, string? value, int maxLength)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            return (string?)null;
        }

        if (v.Length > maxLength)
        {
            return new Invalid(field, $"{field} is longer than {maxLength} characters.");
        }

        if (v.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')))
        {
            return new Invalid(field, $"{field} contains control characters.");
        }

        return v;
    }
}
