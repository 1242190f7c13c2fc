using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Ocma.Tests.Fakes.Bluesky;

/// <summary>
/// A faithful fake of a Bluesky PDS (platform-apis.md §10, §12), answering as the reference PDS does: app-password
/// sessions with a tight createSession limit, short-lived access JWTs (400 ExpiredToken), rotating refresh JWTs, an
/// app password that is revoked only at the next refresh (400 ExpiredToken "Token has been revoked"), deactivated
/// accounts (401 AccountDeactivated on writes), uploadBlob, createRecord validating $type, createdAt, graphemes,
/// facet byte ranges, blob refs and aspect ratios, a create for an existing record key answered 500, 429 with
/// ratelimit-* headers; and the identity services around it (resolveHandle, a PLC directory, did:web documents).
/// </summary>
public sealed partial class BlueskyFake : IAsyncDisposable
{
    public static readonly BlueskyFakeAccount Team = new("did:plc:ocmateam7x", "team.bsky.social", "abcd-efgh-ijkl-mnop");
    public static readonly BlueskyFakeAccount Friend = new("did:plc:friend42", "friend.bsky.social", "zzzz-zzzz-zzzz-zzzz");

    private readonly object _gate = new();
    private readonly List<BlueskyFakeSession> _sessions = [];
    private readonly Dictionary<string, BlueskyFakeBlob> _blobs = [];
    private readonly List<BlueskyFakeRecord> _records = [];
    private readonly List<DateTimeOffset> _sessionCreations = [];
    private FakePlatformHost _host = null!;

    public FakeTimeProvider Clock { get; } = FakePlatformHost.NewClock();

    public Uri BaseUrl => _host.BaseUrl;

    public RequestJournal Journal => _host.Journal;

    public FaultQueue Faults => _host.Faults;

    public TimeSpan AccessLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>createSession calls allowed per account in five minutes (Bluesky: 30).</summary>
    public int SessionLimit { get; set; } = 30;

    public long MaxBlobBytes { get; set; } = 1_000_000;

    /// <summary>The next create is stored, then the connection is dropped before the answer.</summary>
    public bool DropAfterCommitNext { get; set; }

    /// <summary>The next create is stored, then answered with this HTTP status (a proxy in front of the PDS gave up).</summary>
    public int? FailAfterCommitNext { get; set; }

    public IReadOnlyList<BlueskyFakeRecord> Records { get { lock (_gate) { return [.. _records]; } } }

    public static async Task<BlueskyFake> StartAsync()
    {
        var fake = new BlueskyFake();
        fake._host = await FakePlatformHost.StartAsync(fake.Map);
        return fake;
    }

    /// <summary>The server loses every session: neither JWT verifies any more (401 InvalidToken).</summary>
    public void ForgetAllSessions()
    {
        lock (_gate)
        {
            _sessions.ForEach(s => s.Forgotten = true);
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private DateTimeOffset Now => Clock.GetUtcNow();

    private static IResult Error(int status, string error, string message) => Results.Json(new { error, message }, statusCode: status);

    /// <summary>A JWT-shaped token whose payload carries the expiry, like the real session tokens.</summary>
    private static string Jwt(string did, string scope, DateTimeOffset expires)
    {
        static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var payload = $"{{\"scope\":\"{scope}\",\"sub\":\"{did}\",\"exp\":{expires.ToUnixTimeSeconds()},\"jti\":\"{Guid.NewGuid():N}\"}}";
        return B64("{\"typ\":\"at+jwt\",\"alg\":\"ES256K\"}") + "." + B64(payload) + "." + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    }

    /// <summary>Checks the access JWT the way a PDS does; null when the call may go on. Writes refuse a deactivated account.</summary>
    private IResult? Authenticate(HttpContext context, out BlueskyFakeSession session, bool write = false)
    {
        session = null!;
        var bearer = FakeOAuth.Bearer(context.Request);
        lock (_gate)
        {
            var found = _sessions.FirstOrDefault(s => s.AccessJwt == bearer);
            if (found is null || found.Forgotten)
            {
                return Error(401, "InvalidToken", "Token could not be verified");
            }

            if (Now >= found.AccessExpires)
            {
                return Error(400, "ExpiredToken", "Token has expired");
            }

            if (write && _deactivated.Contains(found.Did))
            {
                return Error(401, "AccountDeactivated", "Account is deactivated");
            }

            session = found;
            return null;
        }
    }

    private static void RateHeaders(HttpContext context, int limit, int remaining, DateTimeOffset reset, int windowSeconds)
    {
        var h = context.Response.Headers;
        h["ratelimit-limit"] = limit.ToString(CultureInfo.InvariantCulture);
        h["ratelimit-remaining"] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture);
        h["ratelimit-reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        h["ratelimit-policy"] = $"{limit};w={windowSeconds}";
    }
}
