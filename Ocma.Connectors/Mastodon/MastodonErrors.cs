using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Mastodon;

/// <summary>Mastodon's <c>{"error": "..."}</c> envelope and status codes, as failure kinds.</summary>
internal static class MastodonErrors
{
    public const string Platform = "Mastodon";

    public static async Task<ConnectorFailure> MapAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await ConnectorHttp.ReadJsonAsync<MastodonError>(response, cancellationToken, MastodonJson.Options).ConfigureAwait(false);
        var said = body?.Error ?? response.ReasonPhrase ?? "no reason given";
        var status = (int)response.StatusCode;
        return status switch
        {
            // Mastodon tokens do not expire, so a refused token was revoked (or the app was removed).
            401 => new(FailureKind.AuthRevoked, "The Mastodon server no longer accepts this channel's access: reconnect the channel.", said),
            403 => new(FailureKind.Misconfigured, $"The Mastodon server refused the action ({said}): reconnect the channel and grant posting access.", said),
            404 => new(FailureKind.Rejected, "The Mastodon server could not find what Ocma asked for.", said),
            422 => new(FailureKind.Rejected, $"The Mastodon server refused the post: {said}", said),
            429 => new(FailureKind.RateLimited, "The Mastodon server asked Ocma to slow down.", said,
                RateLimitHeaders.WaitUntil(RateLimitHeaders.IsoReset(response, "X-RateLimit-Reset"), response, time)),
            503 => new(FailureKind.Unavailable, "The Mastodon server is unavailable at the moment.", said),
            >= 500 => new(FailureKind.Transient, $"The Mastodon server had a problem (HTTP {status}).", said),
            _ => new(HttpFailures.Classify(response.StatusCode), $"The Mastodon server refused the request (HTTP {status}): {said}", said),
        };
    }
}
