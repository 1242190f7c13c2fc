using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Ocma.Tests.Fakes.Mastodon;

/// <summary>
/// A faithful fake of one Mastodon server (platform-apis.md §10 and §12): app registration, OAuth with
/// single-use codes and PKCE, tokens that never expire but can be revoked, media 202 → 206 → 200,
/// statuses with Idempotency-Key, 422 validation, 300-per-5-minutes rate limit with an ISO-8601 reset.
/// </summary>
public sealed partial class MastodonFake : IAsyncDisposable
{
    public const string AccountId = "109348";

    private readonly object _gate = new();
    private readonly Dictionary<string, MastodonFakeApp> _apps = [];
    private readonly Dictionary<string, MastodonFakeCode> _codes = [];
    private readonly Dictionary<string, MastodonFakeToken> _tokens = [];
    private readonly Dictionary<string, MastodonFakeMedia> _media = [];
    private readonly List<MastodonFakeStatus> _statuses = [];
    private FakePlatformHost _host = null!;
    private int _windowCount;
    private DateTimeOffset _windowReset;

    public FakeTimeProvider Clock { get; } = FakePlatformHost.NewClock();

    public Uri BaseUrl => _host.BaseUrl;

    public RequestJournal Journal => _host.Journal;

    public FaultQueue Faults => _host.Faults;

    /// <summary>How many GETs a new upload answers 206 before it is ready.</summary>
    public int MediaProcessingPolls { get; set; } = 2;

    /// <summary>How many GETs a new video upload answers 206 before it is ready (transcoding takes longer than images).</summary>
    public int VideoProcessingPolls { get; set; } = 3;

    /// <summary>The server's <c>video_size_limit</c> (Mastodon's default is 99 MB); larger uploads get Mastodon's 422.</summary>
    public long VideoSizeLimit { get; set; } = 99L * 1024 * 1024;

    public int MaxCharacters { get; set; } = 500;

    /// <summary>A hostile server: every status answers with this as its <c>url</c> and <c>uri</c> (say <c>javascript:…</c>).</summary>
    public string? HostileStatusUrl { get; set; }

    /// <summary>Requests allowed per account in one <see cref="RateWindow"/>.</summary>
    public int RateLimit { get; set; } = 300;

    /// <summary>How long a rate-limit window lasts on the fake's clock (five minutes on a real server).</summary>
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The next status is stored, then the connection is dropped before any answer.</summary>
    public bool DropAfterCommitNext { get; set; }

    /// <summary>The next status is stored, then the answer is held back this long.</summary>
    public TimeSpan? StallAfterCommitNext { get; set; }

    /// <summary>How long the server takes to answer after storing a status (a real server's think time).</summary>
    public TimeSpan StatusLatency { get; set; }

    /// <summary>Random faults on status creation; null for none.</summary>
    public MastodonChaos? Chaos { get; set; }

    /// <summary>
    /// True (Mastodon's behaviour): a repeated Idempotency-Key within an hour returns the earlier status. False: every
    /// POST stores a new status, like a server that ignores the header, so a resend shows as a duplicate.
    /// </summary>
    public bool HonourIdempotencyKey { get; set; } = true;

    public IReadOnlyList<MastodonFakeStatus> Statuses { get { lock (_gate) { return [.. _statuses]; } } }

    /// <summary>An uploaded media attachment by id, with the alt text it came with.</summary>
    public MastodonFakeMedia? MediaById(string id) { lock (_gate) { return _media.GetValueOrDefault(id); } }

    public static async Task<MastodonFake> StartAsync()
    {
        var fake = new MastodonFake();
        fake._host = await FakePlatformHost.StartAsync(fake.Map);
        return fake;
    }

    public void Revoke(string accessToken)
    {
        lock (_gate)
        {
            _tokens[accessToken].Revoked = true;
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private DateTimeOffset Now => Clock.GetUtcNow();

    private static IResult Error(int status, string error) => Results.Json(new { error }, statusCode: status);

    /// <summary>Authenticates the bearer token and applies the rate limit; null when the call may go on.</summary>
    private IResult? Authenticate(HttpContext context, out MastodonFakeToken token)
    {
        token = null!;
        lock (_gate)
        {
            var bearer = FakeOAuth.Bearer(context.Request);
            if (bearer is null || !_tokens.TryGetValue(bearer, out var found) || found.Revoked)
            {
                return Error(401, "The access token is invalid");
            }

            token = found;
            if (Now >= _windowReset)
            {
                _windowReset = Now + RateWindow;
                _windowCount = 0;
            }

            _windowCount++;
            var headers = context.Response.Headers;
            headers["X-RateLimit-Limit"] = RateLimit.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = Math.Max(0, RateLimit - _windowCount).ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset"] = _windowReset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            return _windowCount > RateLimit ? Error(429, "Too many requests") : null;
        }
    }
}
