using Microsoft.Extensions.DependencyInjection;
using Ocma.Connectors.Facebook;
using Ocma.Core.Connectors;
using Ocma.Tests.Fakes.Facebook;
using static Ocma.Tests.Connectors.ConnectorHarness;

namespace Ocma.Tests.Connectors;

public sealed class FacebookConnectorTests : IAsyncLifetime
{
    private static readonly PlatformApp App = new(FacebookFake.AppId, FacebookFake.AppSecret);
    private readonly List<ServiceProvider> _providers = [];
    private FacebookFake _fake = null!;
    private FacebookConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _fake = await FacebookFake.StartAsync();
        _connector = Connector();
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task ExchangeCodeAsync_ReturnsPagesYouCanPostTo_WithPageTokensThatDoNotExpire()
    {
        var accounts = await ConnectAsync(_connector);

        var page = Assert.Single(accounts);
        Assert.Equal(FacebookFake.PageId, page.AccountId);
        Assert.Null(page.Credentials.AccessTokenExpiresUtc);
        Assert.Contains("grant_type=fb_exchange_token", Assert.Single(_fake.Journal.Matching("GET", "/v23.0/oauth/access_token"), e => e.Query.Contains("fb_exchange_token", StringComparison.Ordinal)).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeCodeAsync_ReplayedCode_IsRefused()
    {
        var code = await ConsentAsync(_connector);
        Assert.True((await _connector.ExchangeCodeAsync(new CodeExchange(code, RedirectUri, string.Empty, App), default)).Succeeded);

        var replay = await _connector.ExchangeCodeAsync(new CodeExchange(code, RedirectUri, string.Empty, App), default);

        AssertFailed(replay, FailureKind.Rejected);
        Assert.Equal("100/36009", replay.Failure!.PlatformCode);
    }

    [Fact]
    public async Task ExchangeCodeAsync_GatewayErrorOnTheCodeExchange_IsNotRepeatedBecauseTheCodeIsSingleUse()
    {
        var code = await ConsentAsync(_connector);
        _fake.Faults.Next("GET", "/v23.0/oauth/access_token", c => Microsoft.AspNetCore.Http.Results.StatusCode(502).ExecuteAsync(c));

        var result = await _connector.ExchangeCodeAsync(new CodeExchange(code, RedirectUri, string.Empty, App), default);

        AssertFailed(result, FailureKind.Transient);
        Assert.Single(_fake.Journal.Matching("GET", "/v23.0/oauth/access_token"));
    }

    [Fact]
    public async Task RefreshAsync_TokenStillValid_KeepsIt_PasswordChangedIsAuthRevoked()
    {
        var credentials = (await ConnectAsync(_connector))[0].Credentials;

        var ok = await _connector.RefreshAsync(new RefreshRequest(credentials, null), default);
        _fake.ChangePassword();
        var dead = await _connector.RefreshAsync(new RefreshRequest(credentials, null), default);

        Assert.Equal(credentials, ok.Value);
        AssertFailed(dead, FailureKind.AuthRevoked);
        Assert.Equal("190/460", dead.Failure!.PlatformCode);
    }

    [Fact]
    public async Task PublishAsync_Text_PostsToThePageFeed()
    {
        var credentials = (await ConnectAsync(_connector))[0].Credentials;

        var result = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Open today 9–5 ☕"), "k1"), default);

        Assert.Equal(Assert.Single(_fake.Posts).Id, result.Value.PlatformPostId);
    }

    [Fact]
    public async Task PublishAsync_OnePhoto_PostsThePhotoWithTheTextAsCaption()
    {
        var credentials = (await ConnectAsync(_connector))[0].Credentials;

        var result = await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("Our new menu", [Image()]), "k2"), default);

        var post = Assert.Single(_fake.Posts);
        Assert.Equal(post.Id, result.Value.PlatformPostId);
        Assert.Equal("Our new menu", post.Message);
        Assert.Empty(_fake.Journal.Matching("POST", "/v23.0/" + FacebookFake.PageId + "/feed"));
    }

    [Fact]
    public async Task PublishAsync_TwoPhotos_UploadsUnpublishedThenAttachesBothToOnePost()
    {
        var credentials = (await ConnectAsync(_connector))[0].Credentials;

        var result = await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("Two views", [Image("a.jpg"), Image("b.jpg")]), "k3"), default);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(2, Assert.Single(_fake.Posts).PhotoIds.Count);
    }

    [Fact]
    public async Task PublishAsync_SameMessageAgain_IsRejectedAsDuplicate()
    {
        var credentials = (await ConnectAsync(_connector))[0].Credentials;
        await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Same"), "k4"), default);

        var again = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Same"), "k5"), default);

        AssertFailed(again, FailureKind.Rejected);
        Assert.Equal("506", again.Failure!.PlatformCode);
    }

    [Fact]
    public async Task PublishAsync_PageThrottled_IsRateLimitedWithMetasRegainTime()
    {
        var credentials = (await ConnectAsync(_connector))[0].Credentials;
        _fake.PageCallsPerHour = 1;
        await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("One"), "k6"), default);
        _fake.Clock.Advance(TimeSpan.FromMinutes(15));

        var limited = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Two"), "k7"), default);

        AssertFailed(limited, FailureKind.RateLimited);
        Assert.Equal(TimeSpan.FromMinutes(45), limited.Failure!.RetryAfter);
    }

    [Fact]
    public async Task PublishAsync_PasswordChanged_IsAuthRevoked()
    {
        var credentials = (await ConnectAsync(_connector))[0].Credentials;
        _fake.ChangePassword();

        AssertFailed(await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Hi"), "k8"), default), FailureKind.AuthRevoked);
    }

    [Theory]
    [InlineData(500, "{\"error\":{\"message\":\"An unknown error occurred\",\"type\":\"OAuthException\",\"code\":1}}", FailureKind.Transient)]
    [InlineData(503, "", FailureKind.Unavailable)]
    public async Task PublishAsync_ServerError_IsClassifiedAndNotRetried(int status, string body, FailureKind expected)
    {
        var credentials = (await ConnectAsync(_connector))[0].Credentials;
        _fake.Faults.Next("POST", $"/v23.0/{FacebookFake.PageId}/feed", c => Microsoft.AspNetCore.Http.Results.Content(body, "application/json", statusCode: status).ExecuteAsync(c));

        AssertFailed(await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Hi"), "k9"), default), expected);
        Assert.Equal(1, _fake.Journal.Count("POST", $"/v23.0/{FacebookFake.PageId}/feed"));
    }

    [Fact]
    public async Task PublishAsync_ConnectionDroppedAfterCommit_IsOutcomeUnknown_LookupFindsTheOnePost()
    {
        var credentials = (await ConnectAsync(_connector))[0].Credentials;
        var content = PostContent.TextOnly("Launch  day\nsee you there");
        var sentAt = _fake.Clock.GetUtcNow().UtcDateTime;
        _fake.DropAfterCommitNext = true;

        var result = await _connector.PublishAsync(new PublishRequest(credentials, content, "k10"), default);
        var lookup = await _connector.LookupAsync(new LookupRequest(credentials, content, "k10", sentAt), default);
        var missing = await _connector.LookupAsync(new LookupRequest(credentials, PostContent.TextOnly("never"), "k11", sentAt), default);

        AssertFailed(result, FailureKind.OutcomeUnknown);
        Assert.Equal(Assert.Single(_fake.Posts).Id, lookup.Value!.PlatformPostId);
        Assert.Null(missing.Value);
        Assert.Equal(1, _fake.Journal.Count("POST", $"/v23.0/{FacebookFake.PageId}/feed"));
    }

    [Fact]
    public async Task ProbeHealthAsync_RetiredGraphVersion_IsMisconfigured()
    {
        var credentials = (await ConnectAsync(_connector))[0].Credentials;
        _fake.Version = "v24.0";

        var health = await _connector.ProbeHealthAsync(credentials, default);

        AssertFailed(health, FailureKind.Misconfigured);
        Assert.Contains("Connectors:Facebook:GraphVersion", health.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TooManyPhotos_SaysHowManyToRemove()
    {
        var result = _connector.Validate(new PostContent("Gallery", [.. Enumerable.Range(0, 11).Select(i => Image($"{i}.jpg"))]));

        Assert.Equal("Remove 1 image(s): Facebook allows 10 per post.", Assert.Single(result.Problems));
    }

    private FacebookConnector Connector()
    {
        var provider = Services(_fake.Clock, new Dictionary<string, string?>
        {
            ["Connectors:Facebook:WebBaseUrl"] = _fake.BaseUrl.ToString(),
            ["Connectors:Facebook:GraphBaseUrl"] = _fake.BaseUrl.ToString(),
            ["Connectors:Facebook:SafeRetryDelay"] = "00:00:00.010",
        }, (s, c) => s.AddFacebookConnector(c));
        _providers.Add(provider);
        return provider.GetRequiredService<FacebookConnector>();
    }

    private static async Task<string> ConsentAsync(FacebookConnector connector)
    {
        var consent = await ConnectorHarness.ConsentAsync(connector.BuildAuthorizationUrl(new AuthorizationStart(RedirectUri, "fb-state", string.Empty, App)));
        Assert.Equal("fb-state", consent.State);
        return consent.Code!;
    }

    private static async Task<IReadOnlyList<ConnectableAccount>> ConnectAsync(FacebookConnector connector)
    {
        var result = await connector.ExchangeCodeAsync(new CodeExchange(await ConsentAsync(connector), RedirectUri, string.Empty, App), default);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Value.Accounts;
    }
}
