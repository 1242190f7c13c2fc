using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Ocma.Tests.Fakes.X;

/// <summary>
/// A faithful fake of X API v2 (platform-apis.md §4, §12): PKCE-enforced OAuth 2.0 with 30-second single-use
/// codes, Basic auth for confidential clients, 2-hour tokens, rotating refresh tokens only with offline.access,
/// weighted 280 limit, duplicate → 403, chunked media with processing states, x-rate-limit-* headers, 429 with epoch reset.
/// </summary>
public sealed partial class XFake : IAsyncDisposable
{
    public const string UserId = "1460000000000000001";
    public static readonly XFakeClient Client = new("x-client-id", "x-client-secret", "https://ocma.example/oauth/callback");

    private readonly object _gate = new();
    private readonly Dictionary<string, XFakeCode> _codes = [];
    private readonly Dictionary<string, XFakeToken> _access = [];
    private readonly Dictionary<string, XFakeToken> _refresh = [];
    private readonly Dictionary<string, XFakeMedia> _media = [];
    private readonly List<XFakeTweet> _tweets = [];
    private readonly Dictionary<string, (int Used, DateTimeOffset Reset)> _windows = [];
    private FakePlatformHost _host = null!;

    public FakeTimeProvider Clock { get; } = FakePlatformHost.NewClock();

    public Uri BaseUrl => _host.BaseUrl;

    public RequestJournal Journal => _host.Journal;

    public FaultQueue Faults => _host.Faults;

    /// <summary>POST /2/tweets allowed per user in 15 minutes.</summary>
    public int TweetLimit { get; set; } = 100;

    /// <summary>STATUS checks a finalized upload answers "in_progress" before it is done.</summary>
    public int MediaProcessingPolls { get; set; } = 2;

    public bool MediaProcessingFails { get; set; }

    public bool DropAfterCommitNext { get; set; }

    /// <summary>
    /// The app's access tier. On Free, X lets an app post but not read a user's timeline: that answers 403 client-forbidden
    /// ("client-not-enrolled"). Basic and above may read it.
    /// </summary>
    public XAccessTier AccessTier { get; set; } = XAccessTier.Basic;

    public IReadOnlyList<XFakeTweet> Tweets { get { lock (_gate) { return [.. _tweets]; } } }

    public static async Task<XFake> StartAsync()
    {
        var fake = new XFake();
        fake._host = await FakePlatformHost.StartAsync(fake.Map);
        return fake;
    }

    public void Revoke(string accessToken)
    {
        lock (_gate)
        {
            _access[accessToken].Revoked = true;
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private DateTimeOffset Now => Clock.GetUtcNow();

    private static IResult Problem(int status, string title, string detail, string type = "about:blank") =>
        Results.Json(new { title, type, status, detail }, statusCode: status, contentType: "application/problem+json");

    private static IResult OAuthError(string error, string description, int status = 400) =>
        Results.Json(new { error, error_description = description }, statusCode: status);

    /// <summary>Checks the bearer token and counts the call in the route's 15-minute window; null when the call may go on.</summary>
    private IResult? Authenticate(HttpContext context, string window, int limit, out XFakeToken token)
    {
        token = null!;
        lock (_gate)
        {
            var bearer = FakeOAuth.Bearer(context.Request);
            if (bearer is null || !_access.TryGetValue(bearer, out var found) || found.Revoked || Now >= found.Expires)
            {
                return Problem(401, "Unauthorized", "Unauthorized");
            }

            token = found;
            var key = found.UserId + " " + window;
            var (used, reset) = _windows.TryGetValue(key, out var w) && Now < w.Reset ? w : (0, Now.AddMinutes(15));
            used++;
            _windows[key] = (used, reset);
            var h = context.Response.Headers;
            h["x-rate-limit-limit"] = limit.ToString(CultureInfo.InvariantCulture);
            h["x-rate-limit-remaining"] = Math.Max(0, limit - used).ToString(CultureInfo.InvariantCulture);
            h["x-rate-limit-reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            return used > limit ? Problem(429, "Too Many Requests", "Too Many Requests") : null;
        }
    }

    /// <summary>twitter-text weighting: URLs 23; code points in the light ranges 1; everything else 2.</summary>
    private static int Weighted(string text)
    {
        var normalized = text.Normalize(System.Text.NormalizationForm.FormC);
        var urls = UrlPattern().Matches(normalized).Count;
        var rest = UrlPattern().Replace(normalized, string.Empty);
        var total = urls * 23;
        var elements = StringInfo.GetTextElementEnumerator(rest);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            var cp = char.ConvertToUtf32(element, 0);
            var light = cp <= 0x10FF || (cp >= 0x2000 && cp <= 0x200D) || (cp >= 0x2010 && cp <= 0x201F) || (cp >= 0x2032 && cp <= 0x2037);
            total += light && element.Length == 1 ? 1 : 2;
        }

        return total;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex UrlPattern();
}
