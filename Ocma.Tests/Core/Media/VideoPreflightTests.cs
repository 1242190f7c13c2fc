using Microsoft.EntityFrameworkCore;
using Ocma.Core.Channels;
using Ocma.Core.Data;
using Ocma.Core.Media;
using Ocma.Core.Posts;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Media;

/// <summary>A video is checked against every selected channel's video rules when the post is composed, never first at publish time.</summary>
public sealed class VideoPreflightTests : IAsyncLifetime
{
    private MediaHarness _media = null!;
    private ChannelSummary _channel = null!;

    public async Task InitializeAsync()
    {
        _media = await MediaHarness.StartAsync();
        _channel = await SandboxChannels.ConnectAsync(_media.App, _media.Admin);
    }

    public async Task DisposeAsync() => await _media.DisposeAsync();

    [Fact]
    public async Task Schedule_VideoLongerThanTheChannelAllows_IsRefusedSayingHowLongAndNothingIsStored()
    {
        var video = (await _media.UploadAsync("keynote.mp4", TestVideos.Mp4(TimeSpan.FromSeconds(190)))).Value;

        var result = await SubmitAsync([video.Id]);

        Assert.Equal("@team: Trim 'keynote.mp4': it plays 3:10 and Sandbox accepts videos up to 3:00.", result.Error);
        await using var db = await _media.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Posts.CountAsync());
    }

    [Fact]
    public async Task Check_VideoWithImages_ShowsTheProblemBesideTheChannel()
    {
        var video = (await _media.UploadAsync("teaser.mp4", TestVideos.Mp4(TimeSpan.FromSeconds(20)))).Value;
        var photo = (await _media.UploadAsync("photo.png", TestImages.Png(30, 30))).Value;

        var check = Assert.Single(_media.App.Get<ComposeService>().Check("Hello", [_channel], media: [video, photo]));

        Assert.Equal(["Remove the images or the video: Sandbox doesn't put a video and images in the same post."], check.Validation!.Problems);
    }

    [Fact]
    public async Task Schedule_ShortVideo_IsAccepted()
    {
        var video = (await _media.UploadAsync("teaser.mp4", TestVideos.Mp4(TimeSpan.FromSeconds(42)))).Value;

        var result = await SubmitAsync([video.Id]);

        Assert.True(result.Succeeded, result.Error);
    }

    private Task<Ocma.Core.Result<Post>> SubmitAsync(IReadOnlyList<int> mediaIds) =>
        _media.App.Get<ComposeService>().SubmitAsync(
            new ComposeRequest(_media.BrandId, "Our video", [_channel.Id], ComposeMode.Schedule, DateTime.UtcNow.AddDays(2), MediaIds: mediaIds), _media.Admin, CancellationToken.None);
}
