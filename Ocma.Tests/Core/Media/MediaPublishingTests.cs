using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;
using Ocma.Core.Media;
using Ocma.Core.Posts;
using Ocma.Core.Sandbox;
using Ocma.Tests.Fakes.Mastodon;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Media;

/// <summary>An image attached to a post reaches the platforms with its alt text, through the real publishing pipeline.</summary>
public sealed class MediaPublishingTests
{
    [Fact]
    public async Task PublishNow_WithImage_ReachesTheSandboxFeedWithItsBytesAndAltText()
    {
        await using var media = await MediaHarness.StartAsync();
        var channel = await SandboxChannels.ConnectAsync(media.App, media.Admin);
        var bytes = TestImages.Png(120, 80);
        var asset = (await media.UploadAsync("chart.png", bytes)).Value;
        await media.App.Get<MediaLibraryService>().SetAltTextAsync(asset.Id, "Bar chart: sign-ups doubled in May", media.Admin, CancellationToken.None);

        var post = await media.App.Get<ComposeService>().SubmitAsync(
            new ComposeRequest(media.BrandId, "Sign-ups doubled", [channel.Id], ComposeMode.PublishNow, null, MediaIds: [asset.Id]), media.Admin, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);

        var item = await Eventually.MatchesAsync(
            async () => (await media.App.Get<SandboxPlatform>().FeedAsync(10, CancellationToken.None)).SingleOrDefault(p => p.Text == "Sign-ups doubled"),
            p => p is not null, TimeSpan.FromSeconds(20), "the post to reach the Sandbox feed");
        var image = Assert.Single(item!.Images);
        Assert.Equal("Bar chart: sign-ups doubled in May", image.AltText);
        var stored = (await media.App.Get<SandboxPlatform>().ImageAsync(image.Id, CancellationToken.None))!;
        Assert.Equal("image/png", stored.ContentType);
        Assert.Equal(bytes, stored.Data);
    }

    [Fact]
    public async Task PublishNow_WithVideo_ReachesTheSandboxFeedAsAVideo()
    {
        await using var media = await MediaHarness.StartAsync();
        var channel = await SandboxChannels.ConnectAsync(media.App, media.Admin);
        var bytes = TestVideos.Mp4(TimeSpan.FromSeconds(42));
        var asset = (await media.UploadAsync("teaser.mp4", bytes)).Value;

        var post = await media.App.Get<ComposeService>().SubmitAsync(
            new ComposeRequest(media.BrandId, "Watch the teaser", [channel.Id], ComposeMode.PublishNow, null, MediaIds: [asset.Id]), media.Admin, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);

        var item = await Eventually.MatchesAsync(
            async () => (await media.App.Get<SandboxPlatform>().FeedAsync(10, CancellationToken.None)).SingleOrDefault(p => p.Text == "Watch the teaser"),
            p => p is not null, TimeSpan.FromSeconds(20), "the post to reach the Sandbox feed");
        var video = Assert.Single(item!.Images);
        Assert.True(video.IsVideo);
        var stored = (await media.App.Get<SandboxPlatform>().ImageAsync(video.Id, CancellationToken.None))!;
        Assert.Equal("video/mp4", stored.ContentType);
        Assert.Equal(bytes, stored.Data);
    }

    [Fact]
    public async Task PublishNow_WithVideo_IsUploadedToMastodonAndPostedOnceProcessed()
    {
        await using var fake = await MastodonFake.StartAsync();
        fake.VideoProcessingPolls = 2;
        await using var media = await MediaHarness.StartAsync(MastodonChannels.Settings);
        var channel = await MastodonChannels.ConnectAsync(media.App, media.Admin, fake);
        var asset = (await media.UploadAsync("teaser.mp4", TestVideos.Mp4(TimeSpan.FromSeconds(42)))).Value;

        var post = await media.App.Get<ComposeService>().SubmitAsync(
            new ComposeRequest(media.BrandId, "Teaser on Mastodon", [channel.Id], ComposeMode.PublishNow, null, MediaIds: [asset.Id]), media.Admin, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);

        var status = await Eventually.MatchesAsync(() => Task.FromResult(fake.Statuses.SingleOrDefault(s => s.Text == "Teaser on Mastodon")),
            s => s is not null, TimeSpan.FromSeconds(20), "the status to reach the fake Mastodon");
        Assert.Equal("video", fake.MediaById(Assert.Single(status!.MediaIds))!.Type);
        await Eventually.MatchesAsync(() => StateOfAsync(media, post.Value.Id), s => s == TargetState.Published, TimeSpan.FromSeconds(20), "the target to be marked Published");
    }

    [Fact]
    public async Task PublishNow_WithImage_IsUploadedToMastodonWithItsDescription()
    {
        await using var fake = await MastodonFake.StartAsync();
        fake.MediaProcessingPolls = 1;
        await using var media = await MediaHarness.StartAsync(MastodonChannels.Settings);
        var channel = await MastodonChannels.ConnectAsync(media.App, media.Admin, fake);
        var bytes = TestImages.Jpeg(200, 100);
        var asset = (await media.UploadAsync("team.jpg", bytes)).Value;
        await media.App.Get<MediaLibraryService>().SetAltTextAsync(asset.Id, "Five people smiling at a desk", media.Admin, CancellationToken.None);

        var post = await media.App.Get<ComposeService>().SubmitAsync(
            new ComposeRequest(media.BrandId, "Meet the team", [channel.Id], ComposeMode.PublishNow, null, MediaIds: [asset.Id]), media.Admin, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);

        var status = await Eventually.MatchesAsync(() => Task.FromResult(fake.Statuses.SingleOrDefault(s => s.Text == "Meet the team")),
            s => s is not null, TimeSpan.FromSeconds(20), "the status to reach the fake Mastodon");
        var uploaded = fake.MediaById(Assert.Single(status!.MediaIds))!;
        Assert.Equal(("Five people smiling at a desk", (long)bytes.Length), (uploaded.Description, uploaded.Length));
        await Eventually.MatchesAsync(() => StateOfAsync(media, post.Value.Id), s => s == TargetState.Published, TimeSpan.FromSeconds(20), "the target to be marked Published");
    }

    private static async Task<TargetState> StateOfAsync(MediaHarness media, int postId)
    {
        await using var db = await media.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.PostTargets.Where(t => t.PostId == postId).Select(t => t.State).SingleAsync();
    }
}
