using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.LinkedIn;

/// <summary>LinkedIn's <c>{status, serviceErrorCode, code, message}</c> envelope as failure kinds.</summary>
internal static class LinkedInErrors
{
    public const string Platform = "LinkedIn";

    public static async Task<ConnectorFailure> MapAsync(HttpResponseMessage response, DateTime? accessExpiresUtc, string apiVersion, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await ConnectorHttp.ReadJsonAsync<LinkedInError>(response, cancellationToken, LinkedInJson.Options).ConfigureAwait(false);
        var code = body?.Code ?? body?.ServiceErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var said = body?.Message ?? response.ReasonPhrase ?? "no reason given";
        var status = (int)response.StatusCode;
        var now = time.GetUtcNow().UtcDateTime;
        return status switch
        {
            401 when body?.Code == "EXPIRED_ACCESS_TOKEN" || accessExpiresUtc <= now =>
                new(FailureKind.AuthExpired, "The LinkedIn access token expired.", code),
            401 => new(FailureKind.AuthRevoked, "LinkedIn no longer accepts this channel's access: reconnect the channel.", code),
            403 => new(FailureKind.Misconfigured, $"LinkedIn refused the action ({said}): the person who connected needs posting rights on this page, and the app needs the posting permission.", code),
            422 when said.Contains("duplicate", StringComparison.OrdinalIgnoreCase) =>
                new(FailureKind.Rejected, "LinkedIn refused the post because it repeats a recent post: change the text.", "duplicate"),
            422 or 400 => new(FailureKind.Rejected, $"LinkedIn refused the post: {said}", code),
            426 => new(FailureKind.Misconfigured, $"LinkedIn no longer serves API version {apiVersion}: set Connectors:LinkedIn:ApiVersion to a current version.", code),
            // LinkedIn's daily quotas reset at midnight UTC and it sends no header saying so.
            429 => new(FailureKind.RateLimited, "LinkedIn's daily limit for this account is used up; it resets at midnight UTC.", code, now.Date.AddDays(1) - now),
            503 => new(FailureKind.Unavailable, "LinkedIn is unavailable at the moment.", code),
            >= 500 => new(FailureKind.Transient, $"LinkedIn had a problem (HTTP {status}).", code),
            _ => new(HttpFailures.Classify(response.StatusCode), $"LinkedIn refused the request (HTTP {status}): {said}", code),
        };
    }
}
