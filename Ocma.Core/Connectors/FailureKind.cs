namespace Ocma.Core.Connectors;

/// <summary>Why a platform call did not succeed; decides what the publishing pipeline does next.</summary>
public enum FailureKind
{
    /// <summary>A passing fault (5xx, reset before the request left, unknown platform code): retry with backoff.</summary>
    Transient,
    /// <summary>The platform asked us to slow down; <see cref="ConnectorFailure.RetryAfter"/> says for how long when known.</summary>
    RateLimited,
    /// <summary>The platform is down or in maintenance.</summary>
    Unavailable,
    /// <summary>The access token expired: refresh once, then retry.</summary>
    AuthExpired,
    /// <summary>The grant was revoked or the refresh failed for good: the channel needs reconnecting.</summary>
    AuthRevoked,
    /// <summary>The platform refused the content (too long, duplicate, policy): a person must change it.</summary>
    Rejected,
    /// <summary>Ocma or the platform app is set up wrongly (bad client id, missing scope, old API version).</summary>
    Misconfigured,
    /// <summary>The request left but no answer came back: look the post up before anything else.</summary>
    OutcomeUnknown,
}
