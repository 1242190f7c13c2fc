using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Ocma.Tests.Fakes.LinkedIn;

/// <summary>
/// A faithful fake of LinkedIn (platform-apis.md §3, §12): OAuth code flow with single-use codes, 60-day tokens
/// (401/65601 when expired or revoked), refresh only for refresh-enabled apps with a fixed 365-day refresh life,
/// required LinkedIn-Version/X-Restli-Protocol-Version (400/426), images initializeUpload → single PUT →
/// PROCESSING → AVAILABLE, posts 201 with x-restli-id and an empty body, little-text truncation at unescaped
/// reserved characters, member vs organization authors, daily quota → 429 without headers until 00:00 UTC.
/// </summary>
public sealed partial class LinkedInFake : IAsyncDisposable
{
    public const string ClientId = "li-client";
    public const string ClientSecret = "li-secret";
    public const string MemberId = "ada7Kq2";
    public const string OrganizationUrn = "urn:li:organization:2414183";
    public static readonly string[] ActiveVersions = ["202510", "202511", "202512", "202601"];

    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedInFakeCode> _codes = [];
    private readonly Dictionary<string, LinkedInFakeToken> _tokens = [];
    private readonly Dictionary<string, LinkedInFakeRefresh> _refresh = [];
    private readonly Dictionary<string, LinkedInFakeImage> _images = [];
    private readonly List<LinkedInFakePost> _posts = [];
    private readonly Dictionary<DateOnly, int> _postsPerDay = [];
    private FakePlatformHost _host = null!;

    public FakeTimeProvider Clock { get; } = FakePlatformHost.NewClock();

    public Uri BaseUrl => _host.BaseUrl;

    public RequestJournal Journal => _host.Journal;

    public FaultQueue Faults => _host.Faults;

    public string RedirectUri { get; set; } = "https://ocma.example/oauth/callback";

    /// <summary>LinkedIn issues refresh tokens only to apps approved for programmatic refresh.</summary>
    public bool RefreshEnabled { get; set; }

    public int ImageProcessingPolls { get; set; } = 1;

    public bool ImageProcessingFails { get; set; }

    /// <summary>Posts per member per UTC day before the daily quota answers 429.</summary>
    public int DailyPostLimit { get; set; } = 150;

    public bool DropAfterCommitNext { get; set; }

    public IReadOnlyList<LinkedInFakePost> Posts { get { lock (_gate) { return [.. _posts]; } } }

    public static async Task<LinkedInFake> StartAsync()
    {
        var fake = new LinkedInFake();
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

    private static IResult Error(int status, string code, string message, int? serviceErrorCode = null) =>
        Results.Json(new { status, serviceErrorCode, code, message }, statusCode: status);

    private IResult? Authenticate(HttpContext context, out LinkedInFakeToken token)
    {
        token = null!;
        lock (_gate)
        {
            var bearer = FakeOAuth.Bearer(context.Request);
            if (bearer is null || !_tokens.TryGetValue(bearer, out var found))
            {
                return Error(401, "INVALID_ACCESS_TOKEN", "Invalid access token", 65600);
            }

            if (found.Revoked)
            {
                return Error(401, "REVOKED_ACCESS_TOKEN", "The token used in the request has been revoked by the user", 65601);
            }

            if (Now >= found.Expires)
            {
                return Error(401, "EXPIRED_ACCESS_TOKEN", "The token used in the request has expired", 65601);
            }

            token = found;
            return null;
        }
    }

    /// <summary>The header rules of /rest/*: both headers present, and a version LinkedIn still serves.</summary>
    private static IResult? CheckVersion(HttpContext context)
    {
        var version = context.Request.Headers["LinkedIn-Version"].ToString();
        if (string.IsNullOrEmpty(version) || context.Request.Headers["X-Restli-Protocol-Version"] != "2.0.0")
        {
            return Error(400, "VERSION_MISSING", "A version must be present. Please specify a version by adding the LinkedIn-Version header.");
        }

        return ActiveVersions.Contains(version) ? null : Error(426, "NONEXISTENT_VERSION", $"Requested version {version} is not active");
    }
}
