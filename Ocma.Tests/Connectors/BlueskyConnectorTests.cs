using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Connectors.Bluesky;
using Ocma.Core.Connectors;
using Ocma.Tests.Fakes.Bluesky;
using static Ocma.Tests.Connectors.ConnectorHarness;

namespace Ocma.Tests.Connectors;

public sealed class BlueskyConnectorTests : IAsyncLifetime
{
    private BlueskyFake _fake = null!;
    private ServiceProvider _services = null!;
    private BlueskyConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _fake = await BlueskyFake.StartAsync();
        _services = Services(_fake.Clock, new Dictionary<string, string?>
        {
            ["Connectors:Bluesky:DefaultServiceUrl"] = _fake.BaseUrl.ToString(),
            ["Connectors:Bluesky:PlcDirectoryUrl"] = _fake.PlcDirectoryUrl.ToString(),
            ["Connectors:Bluesky:AllowHttpServices"] = "true",
            ["Connectors:Bluesky:SafeRetryDelay"] = "00:00:00.010",
            ["Connectors:Bluesky:Timeout"] = "00:00:10",
        }, (s, c) => s.AddBlueskyConnector(c));
        _connector = _services.GetRequiredService<BlueskyConnector>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task ConnectWithPasswordAsync_AppPassword_ReturnsSessionOnTheAccountsServer()
    {
        var credentials = await ConnectAsync();

        Assert.Equal(BlueskyFake.Team.Did, credentials.AccountId);
        Assert.Equal(_fake.Clock.GetUtcNow().UtcDateTime.AddHours(2), credentials.AccessTokenExpiresUtc);
        Assert.NotNull(credentials.RefreshToken);
        Assert.Equal(_fake.BaseUrl.ToString(), credentials.InstanceUrl);
    }

    [Fact]
    public async Task ConnectWithPasswordAsync_WrongPassword_IsRejected()
    {
        var result = await _connector.ConnectWithPasswordAsync(BlueskyFake.Team.Handle, "wxyz-wxyz-wxyz-wxyz", null, default);

        AssertFailed(result, FailureKind.Rejected);
        Assert.Contains("app password", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectWithPasswordAsync_AccountPasswordShape_IsRefusedBeforeAnyCall()
    {
        var result = await _connector.ConnectWithPasswordAsync(BlueskyFake.Team.Handle, "my-real-password!", null, default);

        AssertFailed(result, FailureKind.Rejected);
        Assert.Empty(_fake.Journal.Entries);
    }

    [Fact]
    public async Task ConnectWithPasswordAsync_TooManySessions_IsRateLimitedUntilTheReset()
    {
        _fake.SessionLimit = 1;
        await ConnectAsync();
        _fake.Clock.Advance(TimeSpan.FromMinutes(2));

        var limited = await _connector.ConnectWithPasswordAsync(BlueskyFake.Team.Handle, BlueskyFake.Team.AppPassword, null, default);

        AssertFailed(limited, FailureKind.RateLimited);
        Assert.Equal(TimeSpan.FromMinutes(3), limited.Failure!.RetryAfter);
    }

    [Fact]
    public async Task PublishAsync_LinkMentionAndHashtag_FacetsUseUtf8ByteOffsets()
    {
        var credentials = await ConnectAsync();
        const string text = "Café ☕ 🎉 see https://ocma.example/a?b=1 with @friend.bsky.social #launch!";

        var result = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly(text), "key-1"), default);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var record = Assert.Single(_fake.Records).Value;
        var bytes = Encoding.UTF8.GetBytes(text);
        var slices = record["facets"]!.AsArray().Select(f => Encoding.UTF8.GetString(bytes, (int)f!["index"]!["byteStart"]!, (int)f["index"]!["byteEnd"]! - (int)f["index"]!["byteStart"]!)).ToList();
        Assert.Equal(["https://ocma.example/a?b=1", "@friend.bsky.social", "#launch"], slices);
        Assert.Equal(BlueskyFake.Friend.Did, (string?)record["facets"]![1]!["features"]![0]!["did"]);
        Assert.Equal("launch", (string?)record["facets"]![2]!["features"]![0]!["tag"]);
    }

    [Fact]
    public async Task PublishAsync_Image_UploadsBlobAndEmbedsItsReference()
    {
        var credentials = await ConnectAsync();

        var result = await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("Photo", [Image()]), "key-2"), default);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal("image/jpeg", Assert.Single(_fake.Journal.Matching("POST", "/xrpc/com.atproto.repo.uploadBlob")).Header("Content-Type"));
        var image = Assert.Single(Assert.Single(_fake.Records).Value["embed"]!["images"]!.AsArray());
        Assert.Equal(2048, (long)image!["image"]!["size"]!);
        Assert.Equal("A photo", (string?)image["alt"]);
    }

    [Fact]
    public async Task PublishAsync_ExpiredSession_IsAuthExpired_RefreshRotates_OldRefreshRefused()
    {
        var credentials = await ConnectAsync();
        _fake.Clock.Advance(TimeSpan.FromHours(2));

        // No platform app: Bluesky has none, and the descriptor tells Ocma so (RefreshNeedsApp is false).
        var expired = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Hi"), "key-3"), default);
        var refreshed = await _connector.RefreshAsync(new RefreshRequest(credentials, null), default);
        var retried = await _connector.PublishAsync(new PublishRequest(refreshed.Value, PostContent.TextOnly("Hi"), "key-3"), default);
        var reused = await _connector.RefreshAsync(new RefreshRequest(credentials, null), default);

        AssertFailed(expired, FailureKind.AuthExpired);
        Assert.NotEqual(credentials.RefreshToken, refreshed.Value.RefreshToken);
        Assert.True(retried.Succeeded, retried.Failure?.Message);
        AssertFailed(reused, FailureKind.AuthRevoked);
        Assert.False(_connector.Descriptor.RefreshNeedsApp);
        Assert.Equal(1, _fake.Journal.Count("POST", "/xrpc/com.atproto.server.createSession"));
    }

    [Fact]
    public async Task PublishAsync_RevokedSession_IsAuthRevoked()
    {
        var credentials = await ConnectAsync();
        _fake.ForgetAllSessions();

        var result = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Hi"), "key-4"), default);

        AssertFailed(result, FailureKind.AuthRevoked);
        Assert.DoesNotContain(credentials.AccessToken, result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_TooManyGraphemes_IsRejectedByTheServer()
    {
        var credentials = await ConnectAsync();

        var result = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly(new string('a', 301)), "key-5"), default);

        AssertFailed(result, FailureKind.Rejected);
        Assert.Contains("300 graphemes", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_WriteBudgetSpent_IsRateLimitedUntilEpochReset()
    {
        var credentials = await ConnectAsync();
        _fake.WritePointsPerHour = 3;
        await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("One"), "key-6"), default);
        _fake.Clock.Advance(TimeSpan.FromMinutes(20));

        var limited = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Two"), "key-7"), default);

        AssertFailed(limited, FailureKind.RateLimited);
        Assert.Equal(TimeSpan.FromMinutes(40), limited.Failure!.RetryAfter);
    }

    [Theory]
    [InlineData(503, FailureKind.Unavailable)]
    [InlineData(502, FailureKind.Transient)]
    public async Task PublishAsync_ServerError_IsClassifiedAndNotRetried(int status, FailureKind expected)
    {
        var credentials = await ConnectAsync();
        _fake.Faults.Next("POST", "/xrpc/com.atproto.repo.createRecord", c => Microsoft.AspNetCore.Http.Results.Json(new { error = "InternalServerError", message = "Internal Server Error" }, statusCode: status).ExecuteAsync(c));

        var result = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Hi"), "key-8"), default);

        AssertFailed(result, expected);
        Assert.Equal(1, _fake.Journal.Count("POST", "/xrpc/com.atproto.repo.createRecord"));
    }

    [Fact]
    public async Task PublishAsync_ConnectionDroppedAfterCommit_IsOutcomeUnknown_LookupFindsTheOneRecord()
    {
        var credentials = await ConnectAsync();
        var content = PostContent.TextOnly("Launch 🚀");
        _fake.DropAfterCommitNext = true;

        var result = await _connector.PublishAsync(new PublishRequest(credentials, content, "key-9"), default);
        var lookup = await _connector.LookupAsync(new LookupRequest(credentials, content, "key-9", _fake.Clock.GetUtcNow().UtcDateTime), default);

        AssertFailed(result, FailureKind.OutcomeUnknown);
        Assert.Equal(Assert.Single(_fake.Records).Uri, lookup.Value!.PlatformPostId);
        Assert.Equal(1, _fake.Journal.Count("POST", "/xrpc/com.atproto.repo.createRecord"));
    }

    [Fact]
    public async Task PublishAsync_RetriedWithSameKey_ReturnsTheEarlierRecordInsteadOfASecond()
    {
        var credentials = await ConnectAsync();
        var request = new PublishRequest(credentials, PostContent.TextOnly("Only once"), "key-10");

        var first = await _connector.PublishAsync(request, default);
        var second = await _connector.PublishAsync(request, default);

        Assert.Equal(first.Value.PlatformPostId, second.Value.PlatformPostId);
        Assert.Single(_fake.Records);
        Assert.Equal(2, _fake.Journal.Count("POST", "/xrpc/com.atproto.repo.createRecord")); // the second was answered 500
        Assert.Single(_fake.Journal.Matching("GET", "/xrpc/com.atproto.repo.getRecord"));
    }

    [Fact]
    public async Task PublishAsync_StoredButAnswered502_LooksTheKeyUpAndReturnsThePost()
    {
        var credentials = await ConnectAsync();
        _fake.FailAfterCommitNext = 502;

        var result = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Stored, answer lost"), "key-12"), default);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(Assert.Single(_fake.Records).Uri, result.Value.PlatformPostId);
    }

    [Fact]
    public async Task PublishAsync_ServerErrorAndTheLookupFails_IsOutcomeUnknownNotARetry()
    {
        var credentials = await ConnectAsync();
        _fake.FailAfterCommitNext = 502;
        for (var i = 0; i < 3; i++) // the lookup is a GET, repeated twice on a 5xx
        {
            _fake.Faults.Next("GET", "/xrpc/com.atproto.repo.getRecord", c => Microsoft.AspNetCore.Http.Results.Json(new { error = "InternalServerError", message = "Internal Server Error" }, statusCode: 500).ExecuteAsync(c));
        }

        var result = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Nobody knows"), "key-13"), default);

        AssertFailed(result, FailureKind.OutcomeUnknown);
        Assert.Single(_fake.Records);
    }

    [Fact]
    public async Task PublishAsync_ImageWithKnownSize_SendsItsAspectRatio()
    {
        var credentials = await ConnectAsync();
        var image = Image() with { Width = 1200, Height = 675 };

        var result = await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("Wide photo", [image]), "key-14"), default);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var ratio = Assert.Single(Assert.Single(_fake.Records).Value["embed"]!["images"]!.AsArray())!["aspectRatio"]!;
        Assert.Equal(1200, (int)ratio["width"]!);
        Assert.Equal(675, (int)ratio["height"]!);
    }

    [Fact]
    public async Task ValidateAndPublish_IndicConjuncts_CountLikeTheServer_299IsAccepted()
    {
        var credentials = await ConnectAsync();
        var text = string.Concat(Enumerable.Repeat("क्षत्रिय ", 75)).TrimEnd();

        var validation = _connector.Validate(PostContent.TextOnly(text));
        var result = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly(text), "key-15"), default);

        Assert.Equal(299, validation.Length);
        Assert.Empty(validation.Problems);
        Assert.True(result.Succeeded, result.Failure?.Message);
    }

    [Fact]
    public async Task LookupAsync_NeverSent_ReturnsNull()
    {
        var credentials = await ConnectAsync();

        var lookup = await _connector.LookupAsync(new LookupRequest(credentials, PostContent.TextOnly("x"), "key-11", _fake.Clock.GetUtcNow().UtcDateTime), default);

        Assert.True(lookup.Succeeded, lookup.Failure?.Message);
        Assert.Null(lookup.Value);
    }

    [Fact]
    public async Task ProbeHealthAsync_LiveSession_ReportsRateBudget()
    {
        var credentials = await ConnectAsync();

        var health = await _connector.ProbeHealthAsync(credentials, default);

        Assert.Equal(2999, health.Value.RateLimitRemaining);
    }

    [Fact]
    public void Validate_CountsGraphemesAndBytes()
    {
        var family = "👨‍👩‍👧‍👦";
        var atLimit = _connector.Validate(PostContent.TextOnly(string.Concat(Enumerable.Repeat(family, 120)) + new string('a', 180)));
        var overGraphemes = _connector.Validate(PostContent.TextOnly(new string('é', 302)));

        Assert.Equal(300, atLimit.Length);
        Assert.Contains(atLimit.Problems, p => p.Contains("bytes", StringComparison.Ordinal));
        Assert.Equal("Shorten the text by 2 characters: Bluesky allows 300.", Assert.Single(overGraphemes.Problems));
    }

    private async Task<ChannelCredentials> ConnectAsync()
    {
        var result = await _connector.ConnectWithPasswordAsync("@" + BlueskyFake.Team.Handle, BlueskyFake.Team.AppPassword, null, default);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return Assert.Single(result.Value.Accounts).Credentials;
    }
}
