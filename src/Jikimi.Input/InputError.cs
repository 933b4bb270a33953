using System.Globalization;
using System.Text;

namespace Jikimi.Input;

/// <summary>What went wrong with an outside file, as one stable code each (ADR 0038).</summary>
public enum InputErrorKind
{
    /// <summary>More bytes, rows or characters than a limit allows.</summary>
    TooLarge,

    /// <summary>The bytes are not text in the expected encoding (strict UTF-8).</summary>
    Encoding,

    /// <summary>The text does not follow the format (CSV quoting, JSON, a missing column).</summary>
    Malformed,

    /// <summary>Nothing to read.</summary>
    Empty,
}

/// <summary>
/// Where in an outside file a problem is: the file's (declared) name, and as far as known the physical line, the
/// record (row, 1 = first data row after the header), the column (1-based field number) or a JSON path.
/// Never carries content, so it may be logged.
/// </summary>
public sealed record InputPlace(string? File, long? Line = null, long? Row = null, int? Column = null, string? Path = null)
{
    public override string ToString()
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(File))
        {
            parts.Add(File);
        }

        var inv = CultureInfo.InvariantCulture;
        if (Line is { } line)
        {
            parts.Add(string.Create(inv, $"line {line}"));
        }

        if (Row is { } row)
        {
            parts.Add(string.Create(inv, $"row {row}"));
        }

        if (Column is { } column)
        {
            parts.Add(string.Create(inv, $"column {column}"));
        }

        if (!string.IsNullOrEmpty(Path))
        {
            parts.Add(Path);
        }

        return string.Join(", ", parts);
    }
}

/// <summary>
/// A refusal of outside input as a value: a stable code, its kind, an English message that names the place and the
/// limit, and the place itself. Jikimi.Domain turns it into a DomainError (413 for too large, 422 otherwise); the
/// CLI prints it and exits with the input exit code.
/// </summary>
public sealed record InputError(string Code, InputErrorKind Kind, string Message, InputPlace? Place = null, long? Limit = null)
{
    public const string TooLargeCode = "input.too_large";
    public const string TooManyRowsCode = "input.too_many_rows";
    public const string FieldTooLongCode = "input.field_too_long";
    public const string LineTooLongCode = "input.line_too_long";
    public const string EncodingCode = "input.encoding";
    public const string MalformedCode = "input.malformed";
    public const string EmptyCode = "input.empty";

    /// <summary>Every code this project can produce (the error catalog has text for each).</summary>
    public static IReadOnlyList<string> Codes { get; } =
        [TooLargeCode, TooManyRowsCode, FieldTooLongCode, LineTooLongCode, EncodingCode, MalformedCode, EmptyCode];

    /// <summary>More bytes than <paramref name="limit"/>.</summary>
    public static InputError TooLarge(string? file, long limit) =>
        new(TooLargeCode, InputErrorKind.TooLarge, Where(new InputPlace(file)) + string.Create(CultureInfo.InvariantCulture, $"the file is larger than the {limit:N0}-byte limit."), new InputPlace(file), limit);

    public static InputError TooManyRows(InputPlace place, long limit) =>
        new(TooManyRowsCode, InputErrorKind.TooLarge, Where(place) + string.Create(CultureInfo.InvariantCulture, $"more than {limit:N0} rows."), place, limit);

    public static InputError FieldTooLong(InputPlace place, long limit) =>
        new(FieldTooLongCode, InputErrorKind.TooLarge, Where(place) + string.Create(CultureInfo.InvariantCulture, $"a field is longer than {limit:N0} characters."), place, limit);

    public static InputError LineTooLong(InputPlace place, long limit) =>
        new(LineTooLongCode, InputErrorKind.TooLarge, Where(place) + string.Create(CultureInfo.InvariantCulture, $"a line is longer than {limit:N0} characters."), place, limit);

    /// <summary>Not strict UTF-8 (e.g. a CSV saved as CP949 by Korean Excel).</summary>
    public static InputError Encoding(InputPlace place) =>
        new(EncodingCode, InputErrorKind.Encoding, Where(place) + "the file is not UTF-8; save it as \"CSV UTF-8\" (or UTF-8 text) and try again.", place);

    public static InputError Malformed(InputPlace place, string problem) =>
        new(MalformedCode, InputErrorKind.Malformed, Where(place) + problem, place);

    public static InputError Empty(string? file) =>
        new(EmptyCode, InputErrorKind.Empty, Where(new InputPlace(file)) + "the file is empty.", new InputPlace(file));

    private static string Where(InputPlace place) => place.ToString() is { Length: > 0 } s ? s + ": " : string.Empty;
}

/// <summary>
/// The one exception of this project, used only inside a read (a bounded stream deep in a ZipArchive or a
/// StreamReader cannot return a value). The public reading helpers catch it and return the <see cref="Error"/>;
/// code that reads a <see cref="BoundedStream"/> itself catches it at its own edge.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(InputError error)
        : base(error?.Message)
    {
        Error = error ?? InputError.Malformed(new InputPlace(null), "unreadable input.");
    }

    public InputException()
        : this(InputError.Malformed(new InputPlace(null), "unreadable input."))
    {
    }

    public InputException(string message)
        : this(InputError.Malformed(new InputPlace(null), message))
    {
    }

    public InputException(string message, Exception innerException)
        : base(message, innerException) => Error = InputError.Malformed(new InputPlace(null), message);

    public InputError Error { get; }

    /// <summary>Runs <paramref name="read"/> and turns this exception, and a strict decoder's refusal, into an error value.</summary>
    public static async Task<InputResult<T>> CatchAsync<T>(string? file, Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (InputException e)
        {
            return e.Error;
        }
        catch (DecoderFallbackException)
        {
            return InputError.Encoding(new InputPlace(file));
        }
    }

    /// <summary>The synchronous form of <see cref="CatchAsync{T}"/>.</summary>
    public static InputResult<T> Catch<T>(string? file, Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return read();
        }
        catch (InputException e)
        {
            return e.Error;
        }
        catch (DecoderFallbackException)
        {
            return InputError.Encoding(new InputPlace(file));
        }
    }
}

/// <summary>A value or an <see cref="InputError"/>.</summary>
public readonly struct InputResult<T> : IEquatable<InputResult<T>>
{
    private readonly T? _value;

    public InputResult(T value)
    {
        _value = value;
        Error = null;
    }

    public InputResult(InputError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        _value = default;
        Error = error;
    }

    public InputError? Error { get; }

    public bool IsOk => Error is null;

    /// <summary>The value; throws when this is an error (check <see cref="IsOk"/> first).</summary>
    public T Value => Error is null ? _value! : throw new InvalidOperationException("No value: " + Error.Code);

#pragma warning disable CA2225 // the named alternatives are the constructors
    public static implicit operator InputResult<T>(T value) => new(value);

    public static implicit operator InputResult<T>(InputError error) => new(error);
#pragma warning restore CA2225

    public static bool operator ==(InputResult<T> left, InputResult<T> right) => left.Equals(right);

    public static bool operator !=(InputResult<T> left, InputResult<T> right) => !left.Equals(right);

    public bool Equals(InputResult<T> other) => Equals(Error, other.Error) && EqualityComparer<T?>.Default.Equals(_value, other._value);

    public override bool Equals(object? obj) => obj is InputResult<T> other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Error, _value);
}
