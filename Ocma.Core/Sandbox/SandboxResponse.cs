namespace Ocma.Core.Sandbox;

/// <summary>What the practice platform answers, shaped like an HTTP API: a status code and an error envelope.</summary>
public sealed record SandboxResponse<T>(int Status, T? Body, SandboxError? Error)
{
    public static SandboxResponse<T> Ok(T body, int status = 200) => new(status, body, null);

    public static SandboxResponse<T> Fail(int status, string code, string message, int? retryAfterSeconds = null) =>
        new(status, default, new SandboxError(code, message, retryAfterSeconds));
}

/// <summary>The practice platform's error envelope: <c>{"error": code, "message": …, "retry_after": s}</c>.</summary>
public sealed record SandboxError(string Code, string Message, int? RetryAfterSeconds);

public sealed record SandboxTokens(string AccessToken, string RefreshToken, int ExpiresInSeconds, string AccountId, string Handle, string DisplayName);

public sealed record SandboxPublished(string Id, string Url);

/// <summary>The connection dropped after the platform stored the post: the client never hears back.</summary>
public sealed class SandboxConnectionDroppedException() : IOException("The practice platform closed the connection before answering.");

/// <summary>The platform stored the post but did not answer before the client stopped waiting.</summary>
public sealed class SandboxTimedOutException() : TimeoutException("The practice platform did not answer in time.");
