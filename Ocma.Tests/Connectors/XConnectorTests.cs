using Ocma.Core.Channels;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Connectors.Shared;
using Ocma.Connectors.X;
using Ocma.Core.Connectors;
using Ocma.Tests.Fakes.X;
using static Ocma.Tests.Connectors.ConnectorHarness;

namespace Ocma.Tests.Connectors;

public sealed class XConnectorTests : IAsyncLifetime
{
    private static readonly PlatformApp App = new(XFake.Client.ClientId, XFake.Client.ClientSecret);
    private XFake _fake = null!;
    private ServiceProvider _services = null!;
    private XConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _fake = await XFake.StartAsync();
        _services = Services(_fake.Clock, new Dictionary<string, string?>
        {
            ["Connectors:X:AuthorizeUrl"] = new Uri(_fake.BaseUrl, "i/oauth2/authorize").ToString(),
            ["Connectors:X:ApiBaseUrl"] = _fake.BaseUrl.ToString(),
            ["Connectors:X:MediaChunkBytes"] = "1000",
            ["Connectors:X:MaxMediaPollDelay"] = "00:00:00.010",
            ["Connectors:X:SafeRetryDelay"] = "00:00:00.010",
        }, (s, c) => s.AddXConnector(c));
        _connector = _services.GetRequiredService<XConnector>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task ExchangeCodeAsync_PkceAndBasicAuth_ReturnsAccountWithTwoHourTokenAndRefreshToken()
    {
        var credentials = await ConnectAsync();

        Assert.Equal(XFake.UserId, credentials.AccountId);
        Assert.Equal(_fake.Clock.GetUtcNow().UtcDateTime.AddHours(2), credentials.AccessTokenExpiresUtc);
        Assert.NotNull(credentials.RefreshToken);
        var token = Assert.Single(_fake.Journal.Matching("POST", "/2/oauth2/token"));
        Assert.StartsWith("Basic ", token.Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("code_verifier=", token.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeCodeAsync_WrongVerifier_IsRefused()
    {
        var (code, _) = await ConsentAsync();

        var result = await _connector.ExchangeCodeAsync(new CodeExchange(code, RedirectUri, Pkce.NewVerifier(), App), default);

        AssertFailed(result, FailureKind.Rejected);
    }

    [Fact]
    public async Task ExchangeCodeAsync_ReplayedCode_IsRefused()
    {
        var (code, verifier) = await ConsentAsync();
        var exchange = new CodeExchange(code, RedirectUri, verifier, App);
        Assert.True((await _connector.ExchangeCodeAsync(exchange, default)).Succeeded);

        AssertFailed(await _connector.ExchangeCodeAsync(exchange, default), FailureKind.Rejected);
    }

    [Fact]
    public async Task ExchangeCodeAsync_CodeOlderThanThirtySeconds_IsRefused()
    {
        var (code, verifier) = await ConsentAsync();
        _fake.Clock.Advance(TimeSpan.FromSeconds(31));

        AssertFailed(await _connector.ExchangeCodeAsync(new CodeExchange(code, RedirectUri, verifier, App), default), FailureKind.Rejected);
    }

    [Fact]
    public async Task ExchangeCodeAsync_WrongClientSecret_IsMisconfigured()
    {
        var (code, verifier) = await ConsentAsync();

        var result = await _connector.ExchangeCodeAsync(new CodeExchange(code, RedirectUri, verifier, App with { ClientSecret = "wrong" }), default);

        AssertFailed(result, FailureKind.Misconfigured);
        Assert.DoesNotContain("wrong", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeCodeAsync_WithoutOfflineAccess_GetsNoRefreshToken_AndRefreshAsksForReconnect()
    {
        await using var services = Services(_fake.Clock, new Dictionary<string, string?>
        {
            ["Connectors:X:AuthorizeUrl"] = new Uri(_fake.BaseUrl, "i/oauth2/authorize").ToString(),
            ["Connectors:X:ApiBaseUrl"] = _fake.BaseUrl.ToString(),
            ["Connectors:X:Scopes"] = "tweet.read tweet.write users.read media.write",
        }, (s, c) => s.AddXConnector(c));
        var connector = services.GetRequiredService<XConnector>();
        var verifier = Pkce.NewVerifier();
        var consent = await ConnectorHarness.ConsentAsync(connector.BuildAuthorizationUrl(new AuthorizationStart(RedirectUri, "st", Pkce.Challenge(verifier), App)));

        var credentials = Assert.Single((await connector.ExchangeCodeAsync(new CodeExchange(consent.Code!, RedirectUri, verifier, App), default)).Value.Accounts).Credentials;
        var refresh = await connector.RefreshAsync(new RefreshRequest(credentials, App), default);

        Assert.Null(credentials.RefreshToken);
        AssertFailed(refresh, FailureKind.AuthRevoked);
        Assert.Equal(1, _fake.Journal.Count("POST", "/2/oauth2/token"));
    }

    [Fact]
    public async Task RefreshAsync_RotatesRefreshToken_OldOneIsRefused()
    {
        var credentials = await ConnectAsync();
        _fake.Clock.Advance(TimeSpan.FromHours(1));

        var refreshed = await _connector.RefreshAsync(new RefreshRequest(credentials, App), default);
        var reused = await _connector.RefreshAsync(new RefreshRequest(credentials, App), default);

        Assert.True(refreshed.Succeeded, refreshed.Failure?.Message);
        Assert.NotEqual(credentials.RefreshToken, refreshed.Value.RefreshToken);
        Assert.Equal(_fake.Clock.GetUtcNow().UtcDateTime.AddHours(2), refreshed.Value.AccessTokenExpiresUtc);
        AssertFailed(reused, FailureKind.AuthRevoked);
    }

    [Fact]
    public async Task PublishAsync_ExpiredToken_IsAuthExpired_AndWorksAfterRefresh()
    {
        var credentials = await ConnectAsync();
        _fake.Clock.Advance(TimeSpan.FromHours(2));

        var expired = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Hi"), "k1"), default);
        var refreshed = await _connector.RefreshAsync(new RefreshRequest(credentials, App), default);
        var retried = await _connector.PublishAsync(new PublishRequest(refreshed.Value, PostContent.TextOnly("Hi"), "k1"), default);

        AssertFailed(expired, FailureKind.AuthExpired);
        Assert.True(retried.Succeeded, retried.Failure?.Message);
    }

    [Fact]
    public async Task PublishAsync_RevokedToken_IsAuthRevoked()
    {
        var credentials = await ConnectAsync();
        _fake.Revoke(credentials.AccessToken);

        AssertFailed(await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Hi"), "k2"), default), FailureKind.AuthRevoked);
    }

    [Fact]
    public async Task PublishAsync_Text_Creates201Post()
    {
        var credentials = await ConnectAsync();

        var result = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Hello X"), "k3"), default);

        Assert.Equal(Assert.Single(_fake.Tweets).Id, result.Value.PlatformPostId);
        Assert.Equal(new Uri("https://x.com/i/web/status/" + result.Value.PlatformPostId), result.Value.Url);
    }

    [Fact]
    public async Task PublishAsync_SameTextTwice_IsRejectedAsDuplicate()
    {
        var credentials = await ConnectAsync();
        await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Same words"), "k4"), default);

        var second = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Same words"), "k5"), default);

        AssertFailed(second, FailureKind.Rejected);
        Assert.Equal("duplicate", second.Failure!.PlatformCode);
    }

    [Fact]
    public async Task PublishAsync_WeightedTextOverLimit_IsRejectedByX()
    {
        var credentials = await ConnectAsync();
        var text = new string('字', 141);

        var result = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly(text), "k6"), default);

        AssertFailed(result, FailureKind.Rejected);
        Assert.Contains("too long", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_Image_UploadsInOrderedSegmentsAndWaitsForProcessing()
    {
        var credentials = await ConnectAsync();

        var result = await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("Photo", [Image(bytes: 2500)]), "k7"), default);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(3, _fake.Journal.Matching("POST", "/2/media/upload/").Count(e => e.Path.EndsWith("/append", StringComparison.Ordinal)));
        Assert.Equal(2, _fake.Journal.Matching("GET", "/2/media/upload").Count);
        Assert.Single(Assert.Single(_fake.Tweets).MediaIds);
    }

    [Fact]
    public async Task PublishAsync_MediaProcessingFails_IsRejectedAndNoPostIsMade()
    {
        var credentials = await ConnectAsync();
        _fake.MediaProcessingFails = true;

        var result = await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("Photo", [Image()]), "k8"), default);

        AssertFailed(result, FailureKind.Rejected);
        Assert.Empty(_fake.Tweets);
    }

    [Fact]
    public async Task PublishAsync_RateLimited_RetryAfterComesFromEpochReset()
    {
        var credentials = await ConnectAsync();
        _fake.TweetLimit = 1;
        await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("One"), "k9"), default);
        _fake.Clock.Advance(TimeSpan.FromMinutes(5));

        var limited = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Two"), "k10"), default);

        AssertFailed(limited, FailureKind.RateLimited);
        Assert.Equal(TimeSpan.FromMinutes(10), limited.Failure!.RetryAfter);
    }

    [Theory]
    [InlineData(503, FailureKind.Unavailable)]
    [InlineData(500, FailureKind.Transient)]
    public async Task PublishAsync_ServerError_IsClassifiedAndNotRetried(int status, FailureKind expected)
    {
        var credentials = await ConnectAsync();
        _fake.Faults.Next("POST", "/2/tweets", c => Microsoft.AspNetCore.Http.Results.Json(new { title = "Service Unavailable", status }, statusCode: status).ExecuteAsync(c));

        AssertFailed(await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Hi"), "k11"), default), expected);
        Assert.Equal(1, _fake.Journal.Count("POST", "/2/tweets"));
    }

    [Fact]
    public async Task PublishAsync_ConnectionDroppedAfterCommit_IsOutcomeUnknown_LookupFindsTheOnePost()
    {
        var credentials = await ConnectAsync();
        var content = PostContent.TextOnly("Launch: https://ocma.example/launch ✨");
        var sentAt = _fake.Clock.GetUtcNow().UtcDateTime;
        _fake.DropAfterCommitNext = true;

        var result = await _connector.PublishAsync(new PublishRequest(credentials, content, "k12"), default);
        _fake.Clock.Advance(TimeSpan.FromSeconds(30));
        var lookup = await _connector.LookupAsync(new LookupRequest(credentials, content, "k12", sentAt), default);

        AssertFailed(result, FailureKind.OutcomeUnknown);
        Assert.Equal(Assert.Single(_fake.Tweets).Id, lookup.Value!.PlatformPostId);
        Assert.Equal(1, _fake.Journal.Count("POST", "/2/tweets"));
    }

    [Fact]
    public async Task LookupAsync_TextWithAmpersandAndAngleBrackets_IsFoundThoughXReturnsItHtmlEscaped()
    {
        var credentials = await ConnectAsync();
        var content = PostContent.TextOnly("Q&A <live> at 5 > 4 & more");
        var sentAt = _fake.Clock.GetUtcNow().UtcDateTime;
        _fake.DropAfterCommitNext = true;
        await _connector.PublishAsync(new PublishRequest(credentials, content, "k15"), default);

        var lookup = await _connector.LookupAsync(new LookupRequest(credentials, content, "k15", sentAt), default);

        Assert.Equal(Assert.Single(_fake.Tweets).Id, lookup.Value?.PlatformPostId);
    }

    [Fact]
    public async Task LookupAsync_FreeAccessTier_SaysOcmaCannotCheck_NeverAMiss()
    {
        var credentials = await ConnectAsync();
        _fake.AccessTier = XAccessTier.Free;
        await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Posted on Free"), "k16"), default);

        var lookup = await _connector.LookupAsync(new LookupRequest(credentials, PostContent.TextOnly("Posted on Free"), "k16", _fake.Clock.GetUtcNow().UtcDateTime), default);

        AssertFailed(lookup, FailureKind.Misconfigured);
        Assert.StartsWith("X lets an app read an account's posts only on its Basic access tier or higher", lookup.Failure!.Message, StringComparison.Ordinal);
        Assert.Single(_fake.Tweets);
    }

    [Fact]
    public async Task LookupAsync_OnlyOlderOrDifferentPosts_ReturnsNull()
    {
        var credentials = await ConnectAsync();
        await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Same words"), "k13"), default);
        _fake.Clock.Advance(TimeSpan.FromHours(1));

        var lookup = await _connector.LookupAsync(new LookupRequest(credentials, PostContent.TextOnly("Same words"), "k14", _fake.Clock.GetUtcNow().UtcDateTime), default);

        Assert.True(lookup.Succeeded, lookup.Failure?.Message);
        Assert.Null(lookup.Value);
    }

    [Fact]
    public void Validate_Video_IsRefusedSayingOcmaCannotPostVideoToXYet()
    {
        var video = new MediaItem("teaser.mp4", "video/mp4", 4096, null, _ => Task.FromResult<Stream>(new MemoryStream()), Width: 1280, Height: 720, Duration: TimeSpan.FromSeconds(30));

        var result = _connector.Validate(new PostContent("Watch this", [video]));

        Assert.Equal(["X: Ocma can't post video to X yet — remove the video or untick X."], result.Problems);
    }

    [Fact]
    public void Validate_UrlCounts23AndCjkCounts2()
    {
        var withUrl = _connector.Validate(PostContent.TextOnly(new string('a', 257) + "https://example.com/" + new string('p', 80)));
        var cjk = _connector.Validate(PostContent.TextOnly(new string('字', 146)));

        Assert.Equal(280, withUrl.Length);
        Assert.True(withUrl.IsValid);
        Assert.Equal("Shorten the text by 12 characters: X allows 280.", Assert.Single(cjk.Problems));
    }

    private async Task<(string Code, string Verifier)> ConsentAsync()
    {
        var verifier = Pkce.NewVerifier();
        var url = _connector.BuildAuthorizationUrl(new AuthorizationStart(RedirectUri, "st", Pkce.Challenge(verifier), App));
        var consent = await ConnectorHarness.ConsentAsync(url);
        Assert.Equal("st", consent.State);
        return (consent.Code!, verifier);
    }

    private async Task<ChannelCredentials> ConnectAsync()
    {
        var (code, verifier) = await ConsentAsync();
        var result = await _connector.ExchangeCodeAsync(new CodeExchange(code, RedirectUri, verifier, App), default);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return Assert.Single(result.Value.Accounts).Credentials;
    }
}
