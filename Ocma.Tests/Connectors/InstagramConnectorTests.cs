using Microsoft.Extensions.DependencyInjection;
using Ocma.Connectors.Instagram;
using Ocma.Core.Connectors;
using Ocma.Tests.Fakes.Instagram;
using static Ocma.Tests.Connectors.ConnectorHarness;

namespace Ocma.Tests.Connectors;

public sealed class InstagramConnectorTests : IAsyncLifetime
{
    private static readonly PlatformApp App = new(InstagramFake.AppId, InstagramFake.AppSecret);
    private InstagramFake _fake = null!;
    private ServiceProvider _services = null!;
    private InstagramConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _fake = await InstagramFake.StartAsync();
        _services = Services(_fake.Clock, new Dictionary<string, string?>
        {
            ["Connectors:Instagram:Enabled"] = "true",
            ["Connectors:Instagram:AuthorizeUrl"] = new Uri(_fake.BaseUrl, "oauth/authorize").ToString(),
            ["Connectors:Instagram:TokenUrl"] = new Uri(_fake.BaseUrl, "oauth/access_token").ToString(),
            ["Connectors:Instagram:GraphBaseUrl"] = _fake.BaseUrl.ToString(),
            ["Connectors:Instagram:ContainerPollInterval"] = "00:00:00.010",
            ["Connectors:Instagram:SafeRetryDelay"] = "00:00:00.010",
        }, (s, c) => s.AddInstagramConnector(c));
        _connector = _services.GetRequiredService<InstagramConnector>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task ExchangeCodeAsync_CodeWithTrailingHashUnderscore_ConnectsWithSixtyDayToken()
    {
        var code = await ConsentAsync();

        var result = await _connector.ExchangeCodeAsync(new CodeExchange(code + "#_", RedirectUri, string.Empty, App), default);

        var account = Assert.Single(result.Value.Accounts);
        Assert.Equal(InstagramFake.UserId, account.AccountId);
        Assert.Equal("@ocma.cafe", account.Handle);
        Assert.Equal(_fake.Clock.GetUtcNow().UtcDateTime.AddDays(60), account.Credentials.AccessTokenExpiresUtc);
    }

    [Fact]
    public async Task ExchangeCodeAsync_ReplayedCode_IsRefused()
    {
        var code = await ConsentAsync();
        Assert.True((await _connector.ExchangeCodeAsync(new CodeExchange(code, RedirectUri, string.Empty, App), default)).Succeeded);

        AssertFailed(await _connector.ExchangeCodeAsync(new CodeExchange(code, RedirectUri, string.Empty, App), default), FailureKind.Rejected);
    }

    [Fact]
    public async Task RefreshAsync_TooYoungThenADayOldThenExpired_FollowsInstagramsRules()
    {
        var credentials = await ConnectAsync();

        var tooYoung = await _connector.RefreshAsync(new RefreshRequest(credentials, null), default);
        _fake.Clock.Advance(TimeSpan.FromDays(2));
        var renewed = await _connector.RefreshAsync(new RefreshRequest(credentials, null), default);
        _fake.Clock.Advance(TimeSpan.FromDays(61));
        var tooLate = await _connector.RefreshAsync(new RefreshRequest(renewed.Value, null), default);

        AssertFailed(tooYoung, FailureKind.Rejected);
        Assert.Equal(_fake.Clock.GetUtcNow().UtcDateTime.AddDays(-61).AddDays(60), renewed.Value.AccessTokenExpiresUtc);
        AssertFailed(tooLate, FailureKind.AuthRevoked);
    }

    [Fact]
    public async Task PublishAsync_Image_WaitsForTheContainerThenPublishes()
    {
        var credentials = await ConnectAsync();
        _fake.ContainerProcessingPolls = 2;

        var result = await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("Fresh bread #bakery", [PublicImage("bread.jpg")]), "k1"), default);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var media = Assert.Single(_fake.Media);
        Assert.Equal(media.Id, result.Value.PlatformPostId);
        Assert.Equal("Fresh bread #bakery", media.Caption);
        Assert.NotNull(result.Value.Url);
        Assert.Single(_fake.Journal.Matching("GET", "/public/bread.jpg"));
        Assert.Equal(1, _fake.Journal.Count("POST", $"/v23.0/{InstagramFake.UserId}/media_publish"));
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("http://www.instagram.com/p/1/")]
    public async Task PublishAsync_PermalinkNotHttps_PostHasNoLink(string permalink)
    {
        var credentials = await ConnectAsync();
        _fake.HostilePermalink = permalink;

        var result = await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("Hostile", [PublicImage("bread.jpg")]), "k-hostile"), default);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Null(result.Value.Url);
    }

    [Fact]
    public async Task PublishAsync_ThreeImages_PublishesOneCarousel()
    {
        var credentials = await ConnectAsync();

        var result = await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("Three", [PublicImage("a.jpg"), PublicImage("b.jpg"), PublicImage("c.jpg")]), "k2"), default);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Single(_fake.Media);
        Assert.Equal(4, _fake.Journal.Count("POST", $"/v23.0/{InstagramFake.UserId}/media"));
    }

    [Fact]
    public async Task PublishAsync_ImageAddressUnreachable_IsTransientAndNothingIsPublished()
    {
        var credentials = await ConnectAsync();
        var image = Image() with { PublicUrl = new Uri(_fake.BaseUrl, "public/missing.jpg") };

        var result = await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("Hi", [image]), "k3"), default);

        AssertFailed(result, FailureKind.Transient);
        Assert.Equal("9004/2207052", result.Failure!.PlatformCode);
        Assert.Empty(_fake.Media);
    }

    [Fact]
    public async Task PublishAsync_ImageAddressAnswersWithAPageNotAnImage_FailsTheContainerAndNothingIsPublished()
    {
        var credentials = await ConnectAsync();
        var image = Image() with { PublicUrl = _fake.PublicUrl("sign-in.html") };

        var result = await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("Hi", [image]), "k5"), default);

        Assert.False(result.Succeeded);
        Assert.Equal("9004/2207052", result.Failure!.PlatformCode);
        Assert.Equal("text/html", Assert.Single(_fake.Fetches).ContentType);
        Assert.Empty(_fake.Media);
    }

    [Fact]
    public async Task PublishAsync_ImageWithoutPublicAddress_IsMisconfiguredBeforeAnyCall()
    {
        var credentials = await ConnectAsync();
        var before = _fake.Journal.Entries.Count;

        AssertFailed(await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("Hi", [Image()]), "k4"), default), FailureKind.Misconfigured);
        Assert.Equal(before, _fake.Journal.Entries.Count);
    }

    [Fact]
    public async Task PublishAsync_ExpiredToken_IsAuthExpired_UnknownTokenIsAuthRevoked()
    {
        var credentials = await ConnectAsync();
        var content = new PostContent("Hi", [PublicImage("x.jpg")]);

        var unknown = await _connector.PublishAsync(new PublishRequest(credentials with { AccessToken = "IGAAL-not-issued" }, content, "k5"), default);
        _fake.Clock.Advance(TimeSpan.FromDays(60));
        var expired = await _connector.PublishAsync(new PublishRequest(credentials, content, "k5"), default);

        AssertFailed(unknown, FailureKind.AuthRevoked);
        AssertFailed(expired, FailureKind.AuthExpired);
    }

    [Fact]
    public async Task PublishAsync_DailyPublishingLimitReached_IsRateLimited()
    {
        var credentials = await ConnectAsync();
        _fake.PublishesPer24Hours = 1;
        await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("One", [PublicImage("1.jpg")]), "k6"), default);

        var limited = await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("Two", [PublicImage("2.jpg")]), "k7"), default);

        AssertFailed(limited, FailureKind.RateLimited);
        Assert.Single(_fake.Media);
    }

    [Theory]
    [InlineData(503, FailureKind.Unavailable)]
    [InlineData(500, FailureKind.Transient)]
    public async Task PublishAsync_ServerErrorOnPublish_IsClassifiedAndNotRetried(int status, FailureKind expected)
    {
        var credentials = await ConnectAsync();
        var path = $"/v23.0/{InstagramFake.UserId}/media_publish";
        _fake.Faults.Next("POST", path, c => Microsoft.AspNetCore.Http.Results.StatusCode(status).ExecuteAsync(c));

        AssertFailed(await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("Hi", [PublicImage("y.jpg")]), "k8"), default), expected);
        Assert.Equal(1, _fake.Journal.Count("POST", path));
    }

    [Fact]
    public async Task PublishAsync_ConnectionDroppedAfterCommit_IsOutcomeUnknown_LookupFindsTheOnePost()
    {
        var credentials = await ConnectAsync();
        var content = new PostContent("Launch   day", [PublicImage("z.jpg")]);
        var sentAt = _fake.Clock.GetUtcNow().UtcDateTime;
        _fake.DropAfterCommitNext = true;

        var result = await _connector.PublishAsync(new PublishRequest(credentials, content, "k9"), default);
        var lookup = await _connector.LookupAsync(new LookupRequest(credentials, content, "k9", sentAt), default);
        var other = await _connector.LookupAsync(new LookupRequest(credentials, PostContent.TextOnly("Different"), "k10", sentAt), default);

        AssertFailed(result, FailureKind.OutcomeUnknown);
        Assert.Equal(Assert.Single(_fake.Media).Id, lookup.Value!.PlatformPostId);
        Assert.Null(other.Value);
        Assert.Equal(1, _fake.Journal.Count("POST", $"/v23.0/{InstagramFake.UserId}/media_publish"));
    }

    [Fact]
    public void Validate_NoImageAndTooManyHashtags_AreFlagged()
    {
        var tags = string.Join(' ', Enumerable.Range(0, 31).Select(i => "#t" + i));

        var result = _connector.Validate(PostContent.TextOnly(tags));

        Assert.Contains("Add an image: Instagram posts need at least one.", result.Problems);
        Assert.Contains("Remove 1 hashtag(s): Instagram allows 30.", result.Problems);
    }

    [Fact]
    public void Validate_ImageWithoutAPublicAddress_IsFlaggedBeforePublishing()
    {
        var local = _connector.Validate(new PostContent("Latte art", [Image("latte.jpg")]));
        var reachable = _connector.Validate(new PostContent("Latte art", [PublicImage("latte.jpg")]));

        Assert.Contains(local.Problems, p => p.Contains("set PublicBaseUrl", StringComparison.Ordinal));
        Assert.True(reachable.IsValid, string.Join(" ", reachable.Problems));
    }

    private MediaItem PublicImage(string name) => Image(name) with { PublicUrl = _fake.PublicUrl(name) };

    private async Task<string> ConsentAsync()
    {
        var consent = await ConnectorHarness.ConsentAsync(_connector.BuildAuthorizationUrl(new AuthorizationStart(RedirectUri, "ig-state", string.Empty, App)));
        Assert.Equal("ig-state", consent.State);
        return consent.Code!;
    }

    private async Task<ChannelCredentials> ConnectAsync()
    {
        var result = await _connector.ExchangeCodeAsync(new CodeExchange(await ConsentAsync(), RedirectUri, string.Empty, App), default);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return Assert.Single(result.Value.Accounts).Credentials;
    }
}
