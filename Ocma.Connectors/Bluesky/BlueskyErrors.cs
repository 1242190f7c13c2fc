using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Bluesky;

/// <summary>Bluesky's XRPC error envelope <c>{"error","message"}</c> as failure kinds.</summary>
internal static class BlueskyErrors
{
    public const string Platform = "Bluesky";

    public static async Task<ConnectorFailure> MapAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await ConnectorHttp.ReadJsonAsync<BlueskyError>(response, cancellationToken, BlueskyJson.Options).ConfigureAwait(false);
        var code = body?.Error;
        var said = body?.Message ?? code ?? response.ReasonPhrase ?? "no reason given";
        var status = (int)response.StatusCode;
        return (status, code) switch
        {
            (_, "ExpiredToken") => new(FailureKind.AuthExpired, "The Bluesky session expired.", code),
            (_, "AccountTakedown" or "AccountDeactivated") => new(FailureKind.AuthRevoked, $"Bluesky has suspended or deactivated this account ({said}).", code),
            (401, _) or (_, "InvalidToken" or "AuthenticationRequired") =>
                new(FailureKind.AuthRevoked, "Bluesky no longer accepts this channel's session: reconnect it with a new app password.", code),
            (429, _) or (_, "RateLimitExceeded") => new(FailureKind.RateLimited, "Bluesky asked Ocma to slow down.", code,
                RateLimitHeaders.WaitUntil(RateLimitHeaders.EpochReset(response, "ratelimit-reset"), response, time)),
            (_, "BlobTooLarge") => new(FailureKind.Rejected, "Bluesky refused the image as too large: use a smaller file.", code),
            (503, _) => new(FailureKind.Unavailable, "Bluesky is unavailable at the moment.", code),
            ( >= 500, _) => new(FailureKind.Transient, $"Bluesky had a problem (HTTP {status}).", code),
            (400, _) => new(FailureKind.Rejected, $"Bluesky refused the post: {said}", code),
            _ => new(HttpFailures.Classify(response.StatusCode), $"Bluesky refused the request (HTTP {status}): {said}", code),
        };
    }
}
