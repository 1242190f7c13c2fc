using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Ocma.Core.Connectors;
using Ocma.Core.Data;
using Ocma.Core.Media;
using Ocma.Core.Posts;
using Ocma.Tests.Fakes.Instagram;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Media;

/// <summary>Instagram fetches library images itself from Ocma's time-limited public links, through the real publishing pipeline.</summary>
public sealed class InstagramMediaPublishingTests
{
    [Fact]
    public async Task PublishNow_WithPublicBaseUrl_InstagramFetchesTheImageFromOcmaAndTheTargetIsPublished()
    {
        await using var fake = await InstagramFake.StartAsync();
        await using var media = await MediaHarness.StartAsync(InstagramChannels.Settings(fake), onLoopback: true);
        // The loopback port is known only once the app listens; PublicBaseUrl is read when each publish is prepared.
        media.App.Get<IConfiguration>()["PublicBaseUrl"] = media.LoopbackUrl;
        var channel = await InstagramChannels.ConnectAsync(media.App, media.Admin, fake);
        var bytes = TestImages.Jpeg(1080, 1080);
        var asset = (await media.UploadAsync("latte.jpg", bytes)).Value;

        var post = await media.App.Get<ComposeService>().SubmitAsync(
            new ComposeRequest(media.BrandId, "Autumn latte is back", [channel.Id], ComposeMode.PublishNow, null, MediaIds: [asset.Id]), media.Admin, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);

        var target = await Eventually.MatchesAsync(() => TargetOfAsync(media, post.Value.Id), t => t.State is TargetState.Published or TargetState.Failed or TargetState.NeedsAttention,
            TimeSpan.FromSeconds(30), "the Instagram target to settle");
        Assert.True(target.State == TargetState.Published, $"{target.State}: {target.LastError}");
        var fetch = Assert.Single(fake.Fetches);
        Assert.StartsWith(media.LoopbackUrl!.TrimEnd('/') + MediaPublicLinks.PathPrefix, fetch.Url.ToString(), StringComparison.Ordinal);
        Assert.Equal((200, "image/jpeg"), (fetch.Status, fetch.ContentType));
        Assert.Equal(bytes, fetch.Body);
        Assert.Equal("Autumn latte is back", Assert.Single(fake.Media).Caption);
    }

    [Fact]
    public async Task Compose_WithoutPublicBaseUrl_IsRefusedBeforeAnythingIsStored_SayingWhatToConfigure()
    {
        await using var fake = await InstagramFake.StartAsync();
        await using var media = await MediaHarness.StartAsync(InstagramChannels.Settings(fake));
        var channel = await InstagramChannels.ConnectAsync(media.App, media.Admin, fake);
        var asset = (await media.UploadAsync("latte.jpg", TestImages.Jpeg(1080, 1080))).Value;

        var post = await media.App.Get<ComposeService>().SubmitAsync(
            new ComposeRequest(media.BrandId, "Autumn latte is back", [channel.Id], ComposeMode.PublishNow, null, MediaIds: [asset.Id]), media.Admin, CancellationToken.None);

        Assert.Contains("set PublicBaseUrl to the public https address of Ocma", post.Error, StringComparison.Ordinal);
        await using var db = await media.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Posts.CountAsync());
        Assert.Empty(fake.Fetches);
    }

    [Fact]
    public async Task Publish_AfterPublicBaseUrlWasRemoved_FailsSayingWhatToConfigure_AndInstagramIsNeverAsked()
    {
        await using var fake = await InstagramFake.StartAsync();
        await using var media = await MediaHarness.StartAsync(InstagramChannels.Settings(fake), onLoopback: true);
        var channel = await InstagramChannels.ConnectAsync(media.App, media.Admin, fake);
        var asset = (await media.UploadAsync("latte.jpg", TestImages.Jpeg(1080, 1080))).Value;
        var configuration = media.App.Get<IConfiguration>();
        configuration["PublicBaseUrl"] = media.LoopbackUrl;
        var due = DateTime.UtcNow.AddSeconds(3);
        var post = await media.App.Get<ComposeService>().SubmitAsync(
            new ComposeRequest(media.BrandId, "Autumn latte is back", [channel.Id], ComposeMode.Schedule, due.AddTicks(-(due.Ticks % TimeSpan.TicksPerSecond)), MediaIds: [asset.Id]),
            media.Admin,
            CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);

        configuration["PublicBaseUrl"] = null; // the address went away before the post was due
        var target = await Eventually.MatchesAsync(() => TargetOfAsync(media, post.Value.Id), t => t.State is TargetState.Published or TargetState.Failed or TargetState.NeedsAttention,
            TimeSpan.FromSeconds(30), "the Instagram target to settle");

        Assert.Equal((TargetState.Failed, FailureKind.Misconfigured), (target.State, target.LastFailureKind));
        Assert.Contains("PublicBaseUrl", target.LastError, StringComparison.Ordinal);
        Assert.Empty(fake.Fetches);
        Assert.Empty(fake.Media);
    }

    private static async Task<PostTarget> TargetOfAsync(MediaHarness media, int postId)
    {
        await using var db = await media.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.PostTargets.AsNoTracking().SingleAsync(t => t.PostId == postId);
    }
}
