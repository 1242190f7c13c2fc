using System.Globalization;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Shared;

/// <summary>Reads platforms' rate-limit reset signals into "how long to wait".</summary>
public static class RateLimitHeaders
{
    public static string? First(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    public static int? Int(HttpResponseMessage response, string name) =>
        int.TryParse(First(response, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A reset given as Unix epoch seconds (X, Bluesky).</summary>
    public static DateTimeOffset? EpochReset(HttpResponseMessage response, string name) =>
        long.TryParse(First(response, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>A reset given as an ISO-8601 timestamp (Mastodon).</summary>
    public static DateTimeOffset? IsoReset(HttpResponseMessage response, string name) =>
        DateTimeOffset.TryParse(First(response, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    /// <summary>The account's remaining budget, when the platform sent both a remaining count and a reset time.</summary>
    public static RateBudget? Budget(int? remaining, DateTimeOffset? reset) =>
        remaining is int left && reset is { } at ? new RateBudget(left, at.UtcDateTime) : null;

    /// <summary>The wait until <paramref name="reset"/>, never negative; Retry-After seconds when no reset is known.</summary>
    public static TimeSpan? WaitUntil(DateTimeOffset? reset, HttpResponseMessage response, TimeProvider time)
    {
        if (reset is { } at)
        {
            var wait = at - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return response.Headers.RetryAfter?.Delta;
    }
}
