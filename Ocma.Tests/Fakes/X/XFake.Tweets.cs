using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes.X;

public sealed partial class XFake
{
    private async Task<IResult> CreateTweet(HttpContext context)
    {
        if (Authenticate(context, "tweets", TweetLimit, out var token) is { } refused)
        {
            return refused;
        }

        using var json = await JsonDocument.ParseAsync(context.Request.Body);
        var text = json.RootElement.TryGetProperty("text", out var t) ? t.GetString() ?? string.Empty : string.Empty;
        var mediaIds = json.RootElement.TryGetProperty("media", out var m) && m.TryGetProperty("media_ids", out var ids)
            ? ids.EnumerateArray().Select(e => e.GetString()!).ToList()
            : [];
        XFakeTweet tweet;
        lock (_gate)
        {
            if (Weighted(text) > 280)
            {
                return Results.Json(new
                {
                    errors = new[] { new { parameters = new { text = new[] { text } }, message = "Your Tweet text is too long." } },
                    title = "Invalid Request",
                    detail = "One or more parameters to your request was invalid.",
                    type = "https://api.twitter.com/2/problems/invalid-request",
                }, statusCode: 400, contentType: "application/problem+json");
            }

            if (mediaIds.Count > 4 || mediaIds.Any(id => !_media.TryGetValue(id, out var media) || media.State != "succeeded" || Now >= media.Expires))
            {
                return Problem(400, "Invalid Request", "Your media IDs are invalid.", "https://api.twitter.com/2/problems/invalid-request");
            }

            if (_tweets.Any(x => x.UserId == token.UserId && x.Text == text))
            {
                return Problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.");
            }

            tweet = new XFakeTweet((1_900_000_000_000_000_000L + _tweets.Count).ToString(CultureInfo.InvariantCulture), token.UserId, text, Now, mediaIds);
            _tweets.Add(tweet);
        }

        if (DropAfterCommitNext)
        {
            DropAfterCommitNext = false;
            context.Abort();
            return Results.Empty;
        }

        return Results.Json(new { data = new { id = tweet.Id, text = HtmlEscaped(Shortened(tweet.Text)), edit_history_tweet_ids = new[] { tweet.Id } } }, statusCode: 201);
    }

    private IResult UserTweets(HttpContext context, string id, DateTimeOffset? start_time, int? max_results)
    {
        if (Authenticate(context, "user-tweets", 900, out var token) is { } refused)
        {
            return refused;
        }

        if (AccessTier == XAccessTier.Free)
        {
            return Results.Json(new
            {
                client_id = Client.ClientId,
                detail = "When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project with the appropriate level of access.",
                registration_url = "https://developer.x.com/en/portal/products",
                title = "Client Forbidden",
                required_enrollment = "Appropriate Level of API Access",
                reason = "client-not-enrolled",
                type = "https://api.twitter.com/2/problems/client-forbidden",
            }, statusCode: 403, contentType: "application/problem+json");
        }

        if (!token.Scopes.Contains("tweet.read") || !token.Scopes.Contains("users.read"))
        {
            return Problem(403, "Forbidden", "Missing scope: reading posts needs tweet.read and users.read.", "https://api.twitter.com/2/problems/not-authorized-for-resource");
        }

        lock (_gate)
        {
            var found = _tweets.Where(x => x.UserId == id && (start_time is null || x.CreatedAt >= start_time))
                .OrderByDescending(x => x.CreatedAt).Take(Math.Clamp(max_results ?? 10, 5, 100))
                .Select(x => new { id = x.Id, text = HtmlEscaped(Shortened(x.Text)), created_at = x.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), edit_history_tweet_ids = new[] { x.Id } })
                .ToList();
            return found.Count == 0
                ? Results.Json(new { meta = new { result_count = 0 } })
                : Results.Json(new { data = found, meta = new { result_count = found.Count, newest_id = found[0].id, oldest_id = found[^1].id } });
        }
    }

    /// <summary>X returns a post's text with &amp;, &lt; and &gt; escaped as HTML entities (and nothing else).</summary>
    private static string HtmlEscaped(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>X returns posts with every link rewritten to t.co.</summary>
    private static string Shortened(string text) =>
        UrlPattern().Replace(text, m => "https://t.co/" + Math.Abs(StringComparer.Ordinal.GetHashCode(m.Value) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture));
}
