namespace Jikimi.Domain.Common;

/// <summary>Success, or a <see cref="DomainError"/>. Expected failures are values, not exceptions.</summary>
public readonly record struct Result(DomainError? Error)
{
    public static readonly Result Ok = new(null);

    public bool IsSuccess => Error is null;

    public static implicit operator Result(DomainError error) => new(error);
}

/// <summary>A value, or a <see cref="DomainError"/>.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, DomainError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public DomainError? Error { get; }

    public bool IsSuccess => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    /// <summary>A success for an interface-typed value (C# has no implicit conversion from interfaces).</summary>
    public static Result<T> From(T value) => new(value, null);

    public static implicit operator Result<T>(DomainError error) => new(default, error);
}
