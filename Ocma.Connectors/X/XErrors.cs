using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.X;

/// <summary>X's problem-details bodies as failure kinds.</summary>
internal static class XErrors
{
    public const string Platform = "X";

    /// <param name="accessExpiresUtc">The token's known expiry: X answers 401 both for expired and for revoked tokens.</param>
    public static async Task<ConnectorFailure> MapAsync(HttpResponseMessage response, DateTime? accessExpiresUtc, TimeProvider time, CancellationToken cancellationToken)
    {
        var problem = await ConnectorHttp.ReadJsonAsync<XProblem>(response, cancellationToken, XJson.Options).ConfigureAwait(false);
        var said = problem?.Errors?.FirstOrDefault()?.Message ?? problem?.Detail ?? problem?.Title ?? response.ReasonPhrase ?? "no reason given";
        var code = problem?.Type ?? problem?.Title;
        var status = (int)response.StatusCode;
        return status switch
        {
            401 when accessExpiresUtc is { } expires && expires <= time.GetUtcNow().UtcDateTime.AddMinutes(1) =>
                new(FailureKind.AuthExpired, "The X access token expired.", code),
            401 => new(FailureKind.AuthRevoked, "X no longer accepts this channel's access: reconnect the channel.", code),
            403 when said.Contains("duplicate", StringComparison.OrdinalIgnoreCase) =>
                new(FailureKind.Rejected, "X refused the post because it repeats a recent post word for word: change the text.", "duplicate"),
            403 => new(FailureKind.Misconfigured, $"X refused the action ({said}): check the app's access level and that the channel granted posting.", code),
            429 => new(FailureKind.RateLimited, "X asked Ocma to slow down.", code,
                RateLimitHeaders.WaitUntil(RateLimitHeaders.EpochReset(response, "x-rate-limit-reset"), response, time)),
            400 => new(FailureKind.Rejected, $"X refused the post: {said}", code),
            503 => new(FailureKind.Unavailable, "X is unavailable at the moment.", code),
            >= 500 => new(FailureKind.Transient, $"X had a problem (HTTP {status}).", code),
            _ => new(HttpFailures.Classify(response.StatusCode), $"X refused the request (HTTP {status}): {said}", code),
        };
    }
}
