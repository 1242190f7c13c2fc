using System.Globalization;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Instagram;

/// <summary>The Graph error envelope as Instagram uses it, as failure kinds (throttling comes as codes, not 429).</summary>
internal static class InstagramErrors
{
    public const string Platform = "Instagram";

    public static async Task<ConnectorFailure> MapAsync(HttpResponseMessage response, DateTime? accessExpiresUtc, TimeProvider time, CancellationToken cancellationToken)
    {
        var error = (await ConnectorHttp.ReadJsonAsync<InstagramErrorBody>(response, cancellationToken, InstagramJson.Options).ConfigureAwait(false))?.Error;
        var code = error?.Code;
        var sub = error?.ErrorSubcode;
        var platformCode = code is null ? null : code.Value.ToString(CultureInfo.InvariantCulture) + (sub is { } s ? "/" + s.ToString(CultureInfo.InvariantCulture) : string.Empty);
        var said = error?.ErrorUserMsg ?? error?.Message ?? response.ReasonPhrase ?? "no reason given";
        return (code, sub) switch
        {
            (190, _) when accessExpiresUtc is { } expires && expires <= time.GetUtcNow().UtcDateTime =>
                new(FailureKind.AuthExpired, "The Instagram access token expired.", platformCode),
            (190, _) => new(FailureKind.AuthRevoked, "Instagram no longer accepts this account's access: reconnect the channel.", platformCode),
            (9, 2207042) => new(FailureKind.RateLimited, "This Instagram account reached its limit of posts for the last 24 hours.", platformCode, TimeSpan.FromHours(1)),
            (9007, _) or (_, 2207027) => new(FailureKind.Transient, "Instagram has not finished preparing the media yet.", platformCode),
            (_, 2207052) => new(FailureKind.Transient, "Instagram could not fetch the image from Ocma; it will try again.", platformCode),
            (4 or 17 or 32 or 613 or 80002, _) => new(FailureKind.RateLimited, "Instagram asked Ocma to slow down.", platformCode),
            (1 or 2, _) => new(FailureKind.Transient, "Instagram had a passing problem.", platformCode),
            (10 or (>= 200 and <= 299), _) => new(FailureKind.Misconfigured, $"Instagram refused for lack of permission ({said}): reconnect and grant content publishing.", platformCode),
            (12 or 2635, _) => new(FailureKind.Misconfigured, $"Instagram no longer serves this Graph API version ({said}): set Connectors:Instagram:GraphVersion to a current version.", platformCode),
            (100 or 36003 or 2207026 or 9004, _) => new(FailureKind.Rejected, $"Instagram refused the post: {said}", platformCode),
            (not null, _) => new(FailureKind.Transient, $"Instagram answered with an error Ocma does not know ({said}).", platformCode),
            _ => new(HttpFailures.Classify(response.StatusCode), $"Instagram refused the request (HTTP {(int)response.StatusCode}).", null),
        };
    }
}
