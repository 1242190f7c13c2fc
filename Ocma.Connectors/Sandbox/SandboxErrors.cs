using Ocma.Core.Connectors;
using Ocma.Core.Sandbox;

namespace Ocma.Connectors.Sandbox;

/// <summary>Maps the practice platform's error envelope to a failure kind, as each real connector's XErrors does.</summary>
internal static class SandboxErrors
{
    public static ConnectorFailure Map(int status, SandboxError error) => (status, error.Code) switch
    {
        (401, "token_expired") => new(FailureKind.AuthExpired, "The access token expired.", error.Code),
        (401, _) => new(FailureKind.AuthRevoked, "Sandbox says the access was revoked: reconnect the channel.", error.Code),
        (429, _) => new(FailureKind.RateLimited, error.Message, error.Code, error.RetryAfterSeconds is int s ? TimeSpan.FromSeconds(s) : null),
        (503, _) => new(FailureKind.Unavailable, error.Message, error.Code),
        (400, "invalid_grant") => new(FailureKind.Rejected, "Sandbox refused the sign-in: " + error.Message, error.Code),
        (422, _) => new(FailureKind.Rejected, error.Message, error.Code),
        _ => new(FailureKind.Transient, error.Message, error.Code),
    };
}
