namespace Ocma.Core.Connectors;

/// <summary>An expected failure of a platform call, in words a content team can act on.</summary>
/// <param name="Kind">What kind of failure this is; decides retry, refresh, reconnect or stop.</param>
/// <param name="Message">What happened, in words (never containing a token or secret).</param>
/// <param name="PlatformCode">The platform's own error code, when it sent one.</param>
/// <param name="RetryAfter">How long the platform asked us to wait, when it said.</param>
public sealed record ConnectorFailure(FailureKind Kind, string Message, string? PlatformCode = null, TimeSpan? RetryAfter = null);

/// <summary>The outcome of a connector call: a value, or an expected failure. Bugs stay exceptions.</summary>
public sealed class ConnectorResult<T>
{
    private readonly T? _value;

    private ConnectorResult(T? value, ConnectorFailure? failure)
    {
        _value = value;
        Failure = failure;
    }

    public ConnectorFailure? Failure { get; }

    /// <summary>The account's rate-limit budget as the platform reported it with this answer, when it did.</summary>
    public RateBudget? Budget { get; private init; }

    public bool Succeeded => Failure is null;

    public T Value => Failure is null ? _value! : throw new InvalidOperationException($"The call failed: {Failure.Message}");

    public static ConnectorResult<T> Success(T value) => new(value, null);

    /// <summary>The same outcome, carrying the platform's rate-limit report.</summary>
    public ConnectorResult<T> WithBudget(RateBudget? budget) => new(_value, Failure) { Budget = budget };

    public static ConnectorResult<T> Fail(ConnectorFailure failure) => new(default, failure);

    public static ConnectorResult<T> Fail(FailureKind kind, string message, string? platformCode = null, TimeSpan? retryAfter = null) =>
        new(default, new ConnectorFailure(kind, message, platformCode, retryAfter));

    public static implicit operator ConnectorResult<T>(ConnectorFailure failure) => Fail(failure);
}
