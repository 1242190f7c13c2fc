namespace Ocma.Core;

/// <summary>The outcome of a use case the UI calls: a value, or a message that says what to fix.</summary>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T? value, string? error)
    {
        _value = value;
        Error = error;
    }

    public string? Error { get; }

    public bool Succeeded => Error is null;

    public T Value => Error is null ? _value! : throw new InvalidOperationException(Error);

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(string error) => new(default, error);

    public static implicit operator Result<T>(T value) => Ok(value);
}

/// <summary>Shorthand for failures of any result type.</summary>
public static class Result
{
    public static Result<T> Fail<T>(string error) => Result<T>.Fail(error);
}
