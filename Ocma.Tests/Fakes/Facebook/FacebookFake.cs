using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Ocma.Tests.Fakes.Facebook;

/// <summary>
/// A faithful fake of the Graph API for Pages (platform-apis.md §1, §12): Facebook Login dialog, code → short
/// token → fb_exchange_token (60 days) → /me/accounts Page tokens that never expire but die on a password
/// change (190/460), the Graph error envelope on HTTP 400, Business Use Case throttling (80001 +
/// X-Business-Use-Case-Usage with estimated_time_to_regain_access), duplicate → 506, photos published or not.
/// </summary>
public sealed partial class FacebookFake : IAsyncDisposable
{
    public const string AppId = "fb-app-id";
    public const string AppSecret = "fb-app-secret";
    public const string PageId = "1015550001";
    public const string ReadOnlyPageId = "1015550002";

    private readonly object _gate = new();
    private readonly Dictionary<string, FacebookFakeCode> _codes = [];
    private readonly Dictionary<string, FacebookFakeToken> _tokens = [];
    private readonly HashSet<string> _unpublishedPhotos = [];
    private readonly List<FacebookFakePost> _posts = [];
    private int _pageCalls;
    private DateTimeOffset _pageWindowReset;
    private int _ids;
    private FakePlatformHost _host = null!;

    public FakeTimeProvider Clock { get; } = FakePlatformHost.NewClock();

    public Uri BaseUrl => _host.BaseUrl;

    public RequestJournal Journal => _host.Journal;

    public FaultQueue Faults => _host.Faults;

    public string Version { get; set; } = "v23.0";

    public string RedirectUri { get; set; } = "https://ocma.example/oauth/callback";

    /// <summary>Calls per Page per hour before Business Use Case throttling starts.</summary>
    public int PageCallsPerHour { get; set; } = 4800;

    public bool DropAfterCommitNext { get; set; }

    public IReadOnlyList<FacebookFakePost> Posts { get { lock (_gate) { return [.. _posts]; } } }

    public static async Task<FacebookFake> StartAsync()
    {
        var fake = new FacebookFake();
        fake._host = await FakePlatformHost.StartAsync(fake.Map);
        return fake;
    }

    /// <summary>The admin changed their password: every token, Page tokens included, stops working.</summary>
    public void ChangePassword()
    {
        lock (_gate)
        {
            foreach (var token in _tokens.Values)
            {
                token.Invalidated = true;
            }
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private DateTimeOffset Now => Clock.GetUtcNow();

    private string NextId() => (++_ids).ToString("D9", CultureInfo.InvariantCulture);

    private static IResult GraphError(int code, string message, int? subcode = null, string type = "OAuthException", int status = 400) =>
        Results.Json(new { error = new { message, type, code, error_subcode = subcode, fbtrace_id = "AbCdEf123" } }, statusCode: status);

    /// <summary>Checks a Page token for a Page call and counts it against the Page's hourly budget.</summary>
    private IResult? AuthenticatePage(HttpContext context, string pageId)
    {
        lock (_gate)
        {
            var bearer = FakeOAuth.Bearer(context.Request);
            if (bearer is null || !_tokens.TryGetValue(bearer, out var token))
            {
                return GraphError(190, "Invalid OAuth access token - Cannot parse access token");
            }

            if (token.Invalidated)
            {
                return GraphError(190, "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.", 460);
            }

            if (token.PageId != pageId)
            {
                return GraphError(200, "(#200) The permission(s) pages_manage_posts are not available. It could be because the Page token is for another Page.", type: "OAuthException", status: 403);
            }

            if (Now >= _pageWindowReset)
            {
                (_pageCalls, _pageWindowReset) = (0, Now.AddHours(1));
            }

            _pageCalls++;
            var used = Math.Min(100, _pageCalls * 100 / Math.Max(1, PageCallsPerHour));
            var regain = _pageCalls > PageCallsPerHour ? (int)Math.Ceiling((_pageWindowReset - Now).TotalMinutes) : 0;
            context.Response.Headers["X-Business-Use-Case-Usage"] =
                $"{{\"{pageId}\":[{{\"type\":\"pages\",\"call_count\":{used},\"total_cputime\":{used / 2},\"total_time\":{used / 2},\"estimated_time_to_regain_access\":{regain}}}]}}";
            return _pageCalls > PageCallsPerHour ? GraphError(80001, "There have been too many calls to this Page account. Wait a bit and try again.") : null;
        }
    }
}
