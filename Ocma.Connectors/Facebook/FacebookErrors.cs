using System.Globalization;
using System.Text.Json;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Facebook;

/// <summary>The Graph error envelope as failure kinds. Meta signals throttling with codes, usually on HTTP 400, never 429.</summary>
internal static class FacebookErrors
{
    public const string Platform = "Facebook";

    public static async Task<ConnectorFailure> MapAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var error = (await ConnectorHttp.ReadJsonAsync<FacebookErrorBody>(response, cancellationToken, FacebookJson.Options).ConfigureAwait(false))?.Error;
        var code = error?.Code;
        var platformCode = code is null ? null : code.Value.ToString(CultureInfo.InvariantCulture) + (error!.ErrorSubcode is { } sub ? "/" + sub.ToString(CultureInfo.InvariantCulture) : string.Empty);
        var said = error?.ErrorUserMsg ?? error?.Message ?? response.ReasonPhrase ?? "no reason given";
        return code switch
        {
            190 => new(FailureKind.AuthRevoked, "Facebook no longer accepts this Page's access (password changed, role removed or app removed): reconnect the channel.", platformCode),
            4 or 17 or 32 or 341 or 613 or 80001 => new(FailureKind.RateLimited, "Facebook asked Ocma to slow down for this Page.", platformCode, RegainAccess(response)),
            12 or 2635 => new(FailureKind.Misconfigured, $"Facebook no longer serves this Graph API version ({said}): set Connectors:Facebook:GraphVersion to a current version.", platformCode),
            1 or 2 => new(FailureKind.Transient, "Facebook had a passing problem.", platformCode),
            10 or (>= 200 and <= 299) => new(FailureKind.Misconfigured, $"Facebook refused for lack of permission ({said}): reconnect and grant the Page permissions.", platformCode),
            506 => new(FailureKind.Rejected, "Facebook refused the post because it repeats a recent post: change the text.", platformCode),
            368 => new(FailureKind.Rejected, $"Facebook has temporarily blocked posting from this Page: {said}", platformCode),
            100 => new(FailureKind.Rejected, $"Facebook refused the post: {said}", platformCode),
            not null => new(FailureKind.Transient, $"Facebook answered with an error Ocma does not know ({said}).", platformCode),
            null => new(HttpFailures.Classify(response.StatusCode), $"Facebook refused the request (HTTP {(int)response.StatusCode}).", null),
        };
    }

    /// <summary>The wait Meta names in X-Business-Use-Case-Usage (estimated_time_to_regain_access, in minutes).</summary>
    private static TimeSpan? RegainAccess(HttpResponseMessage response)
    {
        if (RateLimitHeaders.First(response, "X-Business-Use-Case-Usage") is not { } header)
        {
            return null;
        }

        try
        {
            using var usage = JsonDocument.Parse(header);
            var minutes = usage.RootElement.EnumerateObject()
                .SelectMany(p => p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .Select(e => e.TryGetProperty("estimated_time_to_regain_access", out var m) && m.TryGetInt32(out var v) ? v : 0)
                .DefaultIfEmpty(0).Max();
            return minutes > 0 ? TimeSpan.FromMinutes(minutes) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
