using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Ocma.Tests.Fakes.Instagram;

/// <summary>
/// A faithful fake of the Instagram API with Instagram Login (platform-apis.md §2, §12): authorize that appends
/// "#_", code → 1-hour token → ig_exchange_token (60 days) → ig_refresh_token only when the token is a day old,
/// containers that fetch image_url themselves (2207052 when they cannot or get no image back), IN_PROGRESS → FINISHED/ERROR/EXPIRED,
/// media_publish before FINISHED → 9007/2207027, carousels of 2–10, caption and hashtag limits, 50 posts per 24 h.
/// </summary>
public sealed partial class InstagramFake : IAsyncDisposable
{
    public const string AppId = "ig-app-id";
    public const string AppSecret = "ig-app-secret";
    public const string UserId = "17841400000000001";

    private readonly object _gate = new();
    private readonly Dictionary<string, (string RedirectUri, DateTimeOffset Issued, bool Used)> _codes = [];
    private readonly Dictionary<string, InstagramFakeToken> _tokens = [];
    private readonly Dictionary<string, InstagramFakeContainer> _containers = [];
    private readonly List<InstagramFakeMedia> _media = [];
    private readonly List<InstagramFakeFetch> _fetches = [];
    private readonly HttpClient _fetcher = new();
    private int _ids;
    private FakePlatformHost _host = null!;

    public FakeTimeProvider Clock { get; } = FakePlatformHost.NewClock();

    public Uri BaseUrl => _host.BaseUrl;

    public RequestJournal Journal => _host.Journal;

    public FaultQueue Faults => _host.Faults;

    public string Version { get; set; } = "v23.0";

    public string RedirectUri { get; set; } = "https://ocma.example/oauth/callback";

    /// <summary>Status checks a new container answers IN_PROGRESS before FINISHED.</summary>
    public int ContainerProcessingPolls { get; set; } = 1;

    public int PublishesPer24Hours { get; set; } = 50;

    public bool DropAfterCommitNext { get; set; }

    /// <summary>A hostile answer: every media's <c>permalink</c> is this (say <c>javascript:…</c>).</summary>
    public string? HostilePermalink { get; set; }

    /// <summary>Files this fake serves publicly at /public/{name}, standing in for Ocma's public media address.</summary>
    public Dictionary<string, byte[]> PublicFiles { get; } = [];

    public IReadOnlyList<InstagramFakeMedia> Media { get { lock (_gate) { return [.. _media]; } } }

    /// <summary>Every image_url this fake fetched, with what came back (status 0 when the address could not be reached).</summary>
    public IReadOnlyList<InstagramFakeFetch> Fetches { get { lock (_gate) { return [.. _fetches]; } } }

    public static async Task<InstagramFake> StartAsync()
    {
        var fake = new InstagramFake();
        fake._host = await FakePlatformHost.StartAsync(fake.Map);
        return fake;
    }

    public Uri PublicUrl(string name, int bytes = 2048)
    {
        PublicFiles[name] = new byte[bytes];
        return new Uri(BaseUrl, "public/" + name);
    }

    public async ValueTask DisposeAsync()
    {
        _fetcher.Dispose();
        await _host.DisposeAsync();
    }

    private DateTimeOffset Now => Clock.GetUtcNow();

    private string NextId() => (17_900_000_000_000_000L + Interlocked.Increment(ref _ids)).ToString(CultureInfo.InvariantCulture);

    private static IResult GraphError(int code, string message, int? subcode = null, int status = 400) =>
        Results.Json(new { error = new { message, type = "OAuthException", code, error_subcode = subcode, fbtrace_id = "IgTrace1" } }, statusCode: status);

    private IResult? Authenticate(HttpContext context)
    {
        lock (_gate)
        {
            var bearer = FakeOAuth.Bearer(context.Request);
            if (bearer is null || !_tokens.TryGetValue(bearer, out var token))
            {
                return GraphError(190, "Invalid OAuth access token - Cannot parse access token");
            }

            return Now >= token.Expires ? GraphError(190, "Error validating access token: Session has expired.", 463) : null;
        }
    }

    private string Issue(bool longLived, TimeSpan lifetime)
    {
        var token = FakeOAuth.NewSecret(longLived ? "IGAAL" : "IGAAS");
        _tokens[token] = new InstagramFakeToken(longLived, Now, Now + lifetime);
        return token;
    }
}
