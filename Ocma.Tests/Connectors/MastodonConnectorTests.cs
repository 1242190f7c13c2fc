using Ocma.Core.Channels;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Connectors.Mastodon;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;
using Ocma.Tests.Fakes.Mastodon;
using static Ocma.Tests.Connectors.ConnectorHarness;

namespace Ocma.Tests.Connectors;

public sealed class MastodonConnectorTests : IAsyncLifetime
{
    private MastodonFake _fake = null!;
    private ServiceProvider _services = null!;
    private MastodonConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _fake = await MastodonFake.StartAsync();
        _services = Provider(timeout: "00:00:10");
        _connector = _services.GetRequiredService<MastodonConnector>();
    }

    private ServiceProvider Provider(string timeout) => Services(_fake.Clock, new Dictionary<string, string?>
    {
        ["Connectors:Mastodon:AllowHttpInstances"] = "true",
        ["Connectors:Mastodon:MediaPollInterval"] = "00:00:00.010",
        ["Connectors:Mastodon:SafeRetryDelay"] = "00:00:00.010",
        ["Connectors:Mastodon:Timeout"] = timeout,
    }, (s, c) => s.AddMastodonConnector(c));

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task ExchangeCode_AfterConsent_ReturnsAccountOnThatServer()
    {
        var credentials = await ConnectAsync();

        Assert.Equal(MastodonFake.AccountId, credentials.AccountId);
        Assert.Equal(_fake.BaseUrl.ToString(), credentials.InstanceUrl);
        Assert.Null(credentials.AccessTokenExpiresUtc);
        var authorize = Assert.Single(_fake.Journal.Matching("GET", "/oauth/authorize"));
        Assert.Contains("code_challenge_method=S256", authorize.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeCode_WrongVerifier_IsRefused()
    {
        var (app, code, _) = await ConsentAsync();

        var result = await _connector.ExchangeCodeAsync(new CodeExchange(code, RedirectUri, Pkce.NewVerifier(), app, _fake.BaseUrl.ToString()), default);

        AssertFailed(result, FailureKind.Rejected);
        Assert.Equal("invalid_grant", result.Failure!.PlatformCode);
    }

    [Fact]
    public async Task ExchangeCode_ReplayedCode_IsRefused()
    {
        var (app, code, verifier) = await ConsentAsync();
        var exchange = new CodeExchange(code, RedirectUri, verifier, app, _fake.BaseUrl.ToString());
        Assert.True((await _connector.ExchangeCodeAsync(exchange, default)).Succeeded);

        var replay = await _connector.ExchangeCodeAsync(exchange, default);

        AssertFailed(replay, FailureKind.Rejected);
    }

    [Fact]
    public async Task BuildAuthorizationUrl_RedirectNotRegistered_ServerRefusesWithoutRedirect()
    {
        var app = (await _connector.RegisterAppAsync(_fake.BaseUrl.ToString(), RedirectUri, default)).Value;
        var url = _connector.BuildAuthorizationUrl(new AuthorizationStart(new Uri("https://elsewhere.example/cb"), "s", Pkce.Challenge(Pkce.NewVerifier()), app, _fake.BaseUrl.ToString()));

        var consent = await ConnectorHarness.ConsentAsync(url);

        Assert.Null(consent.Code);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, consent.Status);
    }

    [Fact]
    public async Task PublishAsync_Text_PostsOnceWithIdempotencyKey()
    {
        var credentials = await ConnectAsync();

        var result = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Hello from Ocma https://ocma.example/launch"), "key-1"), default);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var status = Assert.Single(_fake.Statuses);
        Assert.Equal(status.Id, result.Value.PlatformPostId);
        Assert.Equal("key-1", Assert.Single(_fake.Journal.Matching("POST", "/api/v1/statuses")).Header("Idempotency-Key"));
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("//evil.example/p/1")]
    public async Task PublishAsync_HostileServerAnswersAScriptLink_PostHasNoLink(string hostile)
    {
        var credentials = await ConnectAsync();
        _fake.HostileStatusUrl = hostile;

        var result = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Hostile"), "key-hostile"), default);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Null(result.Value.Url);
    }

    [Fact]
    public async Task PublishAsync_SameKeyAgain_ReturnsTheSamePost()
    {
        var credentials = await ConnectAsync();
        var request = new PublishRequest(credentials, PostContent.TextOnly("Only once"), "key-2");

        var first = await _connector.PublishAsync(request, default);
        var second = await _connector.PublishAsync(request, default);

        Assert.Equal(first.Value.PlatformPostId, second.Value.PlatformPostId);
        Assert.Single(_fake.Statuses);
    }

    [Fact]
    public async Task PublishAsync_Image_WaitsForProcessingThenAttachesIt()
    {
        var credentials = await ConnectAsync();
        _fake.MediaProcessingPolls = 2;

        var result = await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("With a photo", [Image()]), "key-3"), default);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(3, _fake.Journal.Matching("GET", "/api/v1/media/").Count);
        Assert.Single(Assert.Single(_fake.Statuses).MediaIds);
    }

    [Fact]
    public async Task PublishAsync_TextOverServerLimit_IsRejectedWithServerReason()
    {
        var credentials = await ConnectAsync();

        var result = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly(new string('a', 501)), "key-4"), default);

        AssertFailed(result, FailureKind.Rejected);
        Assert.Contains("character limit of 500", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_RevokedToken_IsAuthRevoked()
    {
        var credentials = await ConnectAsync();
        _fake.Revoke(credentials.AccessToken);

        var result = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Hi"), "key-5"), default);

        AssertFailed(result, FailureKind.AuthRevoked);
        Assert.DoesNotContain(credentials.AccessToken, result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshAsync_TokenStillValid_KeepsCredentials_RevokedIsAuthRevoked()
    {
        var credentials = await ConnectAsync();
        Assert.False(_connector.Descriptor.RefreshNeedsApp);

        // No app: the descriptor says a Mastodon refresh does not need one, so Ocma passes none.
        var refreshed = await _connector.RefreshAsync(new RefreshRequest(credentials, null), default);
        _fake.Revoke(credentials.AccessToken);
        var afterRevoke = await _connector.RefreshAsync(new RefreshRequest(credentials, null), default);

        Assert.Equal(credentials, refreshed.Value);
        AssertFailed(afterRevoke, FailureKind.AuthRevoked);
    }

    [Fact]
    public async Task PublishAsync_RateLimited_RetryAfterComesFromIsoReset()
    {
        var credentials = await ConnectAsync();
        _fake.RateLimit = 1;
        _fake.Clock.Advance(TimeSpan.FromMinutes(1));

        var limited = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Hi"), "key-6"), default);
        _fake.Clock.Advance(TimeSpan.FromMinutes(4));
        var later = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Hi"), "key-6"), default);

        AssertFailed(limited, FailureKind.RateLimited);
        Assert.Equal(TimeSpan.FromMinutes(4), limited.Failure!.RetryAfter);
        Assert.True(later.Succeeded, later.Failure?.Message);
    }

    [Theory]
    [InlineData(503, FailureKind.Unavailable)]
    [InlineData(500, FailureKind.Transient)]
    [InlineData(418, FailureKind.Transient)]
    public async Task PublishAsync_ServerError_IsClassifiedAndNotRetried(int status, FailureKind expected)
    {
        var credentials = await ConnectAsync();
        _fake.Faults.Next("POST", "/api/v1/statuses", c => Microsoft.AspNetCore.Http.Results.Json(new { error = "Oops" }, statusCode: status).ExecuteAsync(c));

        var result = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Hi"), "key-7"), default);

        AssertFailed(result, expected);
        Assert.Equal(1, _fake.Journal.Count("POST", "/api/v1/statuses"));
        Assert.Empty(_fake.Statuses);
    }

    [Fact]
    public async Task ProbeHealthAsync_PassingGatewayError_IsRetriedForGet()
    {
        var credentials = await ConnectAsync();
        _fake.Faults.Next("GET", "/api/v1/accounts/verify_credentials", c => Microsoft.AspNetCore.Http.Results.StatusCode(502).ExecuteAsync(c));

        var health = await _connector.ProbeHealthAsync(credentials, default);

        Assert.True(health.Succeeded, health.Failure?.Message);
        Assert.Equal(298, health.Value.RateLimitRemaining);
        Assert.Equal(3, _fake.Journal.Count("GET", "/api/v1/accounts/verify_credentials"));
        Assert.Empty(health.Value.MissingScopes);
    }

    [Fact]
    public async Task PublishAsync_ConnectionDroppedAfterCommit_IsOutcomeUnknownAndLookupFindsTheOnePost()
    {
        var credentials = await ConnectAsync();
        var content = PostContent.TextOnly("Launch day!\nhttps://ocma.example/launch & more");
        var sentAt = _fake.Clock.GetUtcNow().UtcDateTime;
        _fake.DropAfterCommitNext = true;

        var result = await _connector.PublishAsync(new PublishRequest(credentials, content, "key-8"), default);
        var lookup = await _connector.LookupAsync(new LookupRequest(credentials, content, "key-8", sentAt), default);

        AssertFailed(result, FailureKind.OutcomeUnknown);
        Assert.Equal(Assert.Single(_fake.Statuses).Id, lookup.Value!.PlatformPostId);
        Assert.Equal(1, _fake.Journal.Count("POST", "/api/v1/statuses"));
    }

    [Fact]
    public async Task PublishAsync_NoAnswerInTime_IsOutcomeUnknown()
    {
        var credentials = await ConnectAsync();
        await using var impatient = Provider(timeout: "00:00:00.300");
        _fake.StallAfterCommitNext = TimeSpan.FromSeconds(3);

        var result = await impatient.GetRequiredService<MastodonConnector>().PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Slow"), "key-9"), default);

        AssertFailed(result, FailureKind.OutcomeUnknown);
        Assert.Equal(1, _fake.Journal.Count("POST", "/api/v1/statuses"));
    }

    [Fact]
    public async Task LookupAsync_PostBuriedUnder60NewerStatuses_IsFoundOnALaterPage()
    {
        var credentials = await ConnectAsync();
        var sentAt = _fake.Clock.GetUtcNow().UtcDateTime;
        var wanted = PostContent.TextOnly("Sent first, answer lost");
        _fake.DropAfterCommitNext = true;
        await _connector.PublishAsync(new PublishRequest(credentials, wanted, "key-buried"), default);
        for (var i = 0; i < 60; i++)
        {
            _fake.Clock.Advance(TimeSpan.FromSeconds(1));
            await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly($"Burst status {i}"), $"key-burst-{i}"), default);
        }

        var lookup = await _connector.LookupAsync(new LookupRequest(credentials, wanted, "key-buried", sentAt), default);

        Assert.Equal(_fake.Statuses[0].Id, lookup.Value?.PlatformPostId);
        Assert.Equal(2, _fake.Journal.Count("GET", $"/api/v1/accounts/{MastodonFake.AccountId}/statuses"));
    }

    [Fact]
    public async Task LookupAsync_NothingWasPosted_ReturnsNull()
    {
        var credentials = await ConnectAsync();
        await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Another post"), "key-10"), default);

        var lookup = await _connector.LookupAsync(new LookupRequest(credentials, PostContent.TextOnly("Never sent"), "key-11", _fake.Clock.GetUtcNow().UtcDateTime), default);

        Assert.True(lookup.Succeeded);
        Assert.Null(lookup.Value);
    }

    [Fact]
    public void Validate_UrlCountsAs23_AndOverLimitSaysHowMuchToCut()
    {
        var url = "https://example.com/" + new string('x', 100);
        var ok = _connector.Validate(PostContent.TextOnly(new string('a', 477) + url));
        var over = _connector.Validate(PostContent.TextOnly(new string('a', 489) + url));

        Assert.True(ok.IsValid);
        Assert.Equal(500, ok.Length);
        Assert.Equal("Shorten the text by 12 characters: Mastodon allows 500.", Assert.Single(over.Problems));
    }

    private async Task<(PlatformApp App, string Code, string Verifier)> ConsentAsync()
    {
        var registered = await _connector.RegisterAppAsync(_fake.BaseUrl.ToString(), RedirectUri, default);
        Assert.True(registered.Succeeded, registered.Failure?.Message);
        var verifier = Pkce.NewVerifier();
        var url = _connector.BuildAuthorizationUrl(new AuthorizationStart(RedirectUri, "state-1", Pkce.Challenge(verifier), registered.Value, _fake.BaseUrl.ToString()));
        var consent = await ConnectorHarness.ConsentAsync(url);
        Assert.Equal("state-1", consent.State);
        return (registered.Value, consent.Code!, verifier);
    }

    private async Task<ChannelCredentials> ConnectAsync()
    {
        var (app, code, verifier) = await ConsentAsync();
        var result = await _connector.ExchangeCodeAsync(new CodeExchange(code, RedirectUri, verifier, app, _fake.BaseUrl.ToString()), default);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return Assert.Single(result.Value.Accounts).Credentials;
    }
}
