using Microsoft.Extensions.DependencyInjection;
using Ocma.Connectors.Mastodon;
using Ocma.Core.Channels;
using Ocma.Core.Connectors;
using Ocma.Tests.Fakes.Mastodon;
using Ocma.Tests.Support;
using static Ocma.Tests.Connectors.ConnectorHarness;

namespace Ocma.Tests.Connectors;

/// <summary>Video to Mastodon: upload (202), wait while the server transcodes (206), then the status with the media id.</summary>
public sealed class MastodonVideoTests : IAsyncLifetime
{
    private MastodonFake _fake = null!;
    private ServiceProvider _services = null!;
    private MastodonConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _fake = await MastodonFake.StartAsync();
        _services = Services(_fake.Clock, new Dictionary<string, string?>
        {
            ["Connectors:Mastodon:AllowHttpInstances"] = "true",
            ["Connectors:Mastodon:MediaPollInterval"] = "00:00:00.010",
            ["Connectors:Mastodon:VideoPollAttempts"] = "8",
            ["Connectors:Mastodon:SafeRetryDelay"] = "00:00:00.010",
        }, (s, c) => s.AddMastodonConnector(c));
        _connector = _services.GetRequiredService<MastodonConnector>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task PublishAsync_Video_WaitsWhileTheServerProcessesThenPostsItWithTheStatus()
    {
        var credentials = await ConnectAsync();
        _fake.VideoProcessingPolls = 4;

        var result = await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("Our launch teaser", [Video()]), "video-1"), default);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Single(_fake.Journal.Matching("POST", "/api/v2/media"));
        Assert.Equal(5, _fake.Journal.Matching("GET", "/api/v1/media/").Count); // four "still processing" answers, then ready
        var status = Assert.Single(_fake.Statuses);
        var mediaId = Assert.Single(status.MediaIds);
        Assert.Equal("video", _fake.MediaById(mediaId)!.Type);
    }

    [Fact]
    public async Task PublishAsync_VideoNeverFinishesProcessing_FailsSayingSoAfterTheBoundedWaitAndPostsNothing()
    {
        var credentials = await ConnectAsync();
        _fake.VideoProcessingPolls = int.MaxValue;

        var result = await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("Stuck", [Video()]), "video-2"), default);

        AssertFailed(result, FailureKind.Transient);
        Assert.StartsWith("The Mastodon server had not finished processing 'teaser.mp4'", result.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(8, _fake.Journal.Matching("GET", "/api/v1/media/").Count);
        Assert.Empty(_fake.Statuses);
    }

    [Fact]
    public async Task PublishAsync_VideoOverTheServersSizeLimit_IsRejectedWithTheServersReason()
    {
        var credentials = await ConnectAsync();
        _fake.VideoSizeLimit = 1024 * 1024;

        var result = await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("Too big", [Video(bytes: 1024 * 1024 + 10)]), "video-3"), default);

        AssertFailed(result, FailureKind.Rejected);
        Assert.Contains("File file size must be less than 1 MB", result.Failure!.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Statuses);
    }

    [Fact]
    public void Validate_VideoRules_OneVideoNotMixedWithImagesAndWithinTheSizeLimit()
    {
        Assert.True(_connector.Validate(new PostContent("Teaser", [Video()])).IsValid);
        Assert.Equal(["Remove 1 video(s): Mastodon takes 1 per post."], _connector.Validate(new PostContent("Two", [Video("a.mp4"), Video("b.mp4")])).Problems);
        Assert.Equal(["Remove the images or the video: Mastodon doesn't put a video and images in the same post."],
            _connector.Validate(new PostContent("Mixed", [Video(), Image()])).Problems);
        Assert.Equal(["Use a smaller video than 'huge.mp4' (120 MB): Mastodon accepts videos up to 99 MB."],
            _connector.Validate(new PostContent("Huge", [Video("huge.mp4", 120L * 1024 * 1024)])).Problems);
    }

    private static MediaItem Video(string name = "teaser.mp4", long bytes = 4096)
    {
        var file = TestVideos.Mp4(TimeSpan.FromSeconds(42), filler: (int)Math.Min(bytes, 2 * 1024 * 1024));
        return new MediaItem(name, "video/mp4", bytes, "A teaser", _ => Task.FromResult<Stream>(new MemoryStream(file)), Width: 1280, Height: 720, Duration: TimeSpan.FromSeconds(42));
    }

    private async Task<ChannelCredentials> ConnectAsync()
    {
        var registered = await _connector.RegisterAppAsync(_fake.BaseUrl.ToString(), RedirectUri, default);
        var verifier = Pkce.NewVerifier();
        var url = _connector.BuildAuthorizationUrl(new AuthorizationStart(RedirectUri, "state-1", Pkce.Challenge(verifier), registered.Value, _fake.BaseUrl.ToString()));
        var consent = await ConsentAsync(url);
        var result = await _connector.ExchangeCodeAsync(new CodeExchange(consent.Code!, RedirectUri, verifier, registered.Value, _fake.BaseUrl.ToString()), default);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return Assert.Single(result.Value.Accounts).Credentials;
    }
}
