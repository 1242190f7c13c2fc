using Microsoft.EntityFrameworkCore;
using Ocma.Core.Channels;
using Ocma.Core.Data;
using Ocma.Core.Media;
using Ocma.Core.Posts;
using Ocma.Tests.Support;
using SkiaSharp;

namespace Ocma.Tests.Core.Media;

/// <summary>Images are checked against every selected channel's rules when the post is composed, never first at publish time.</summary>
public sealed class MediaPreflightTests : IAsyncLifetime
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
    public async Task Schedule_MoreImagesThanTheChannelAllows_IsRefusedSayingWhatToRemoveAndNothingIsStored()
    {
        var colors = new[] { SKColors.Red, SKColors.Green, SKColors.Blue, SKColors.Yellow, SKColors.Purple };
        var ids = new List<int>();
        foreach (var (color, i) in colors.Select((c, i) => (c, i)))
        {
            ids.Add((await _media.UploadAsync($"photo{i}.png", TestImages.Png(30, 30, color))).Value.Id);
        }

        var result = await SubmitAsync(ComposeMode.Schedule, ids);

        Assert.Equal("@team: Remove 1 image(s): Sandbox allows 4 per post.", result.Error);
        await using var db = await _media.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Posts.CountAsync());
        Assert.Equal(0, await db.PostMedia.CountAsync());
    }

    [Fact]
    public async Task Check_WithTooManyImages_ShowsTheProblemBesideTheChannel()
    {
        var assets = new List<MediaAsset>();
        foreach (var i in Enumerable.Range(0, 5))
        {
            assets.Add((await _media.UploadAsync($"p{i}.png", TestImages.Png(20 + i, 20))).Value);
        }

        var check = Assert.Single(_media.App.Get<ComposeService>().Check("Hello", [_channel], media: assets));

        Assert.Equal(["Remove 1 image(s): Sandbox allows 4 per post."], check.Validation!.Problems);
    }

    [Fact]
    public async Task Schedule_WithAnImageFromAnotherBrandOrDeleted_IsRefused()
    {
        var result = await SubmitAsync(ComposeMode.Schedule, [4242]);

        Assert.Equal("One of the attached images is no longer in the media library. Remove it and attach it again.", result.Error);
    }

    [Fact]
    public async Task Schedule_WithinTheLimits_StoresTheImagesInOrder()
    {
        var first = (await _media.UploadAsync("first.png", TestImages.Png(30, 30, SKColors.Red))).Value;
        var second = (await _media.UploadAsync("second.png", TestImages.Png(30, 30, SKColors.Blue))).Value;

        var result = await SubmitAsync(ComposeMode.Schedule, [second.Id, first.Id]);

        Assert.True(result.Succeeded, result.Error);
        await using var db = await _media.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        Assert.Equal([second.Id, first.Id], await db.PostMedia.Where(m => m.PostId == result.Value.Id).OrderBy(m => m.Position).Select(m => m.MediaAssetId).ToListAsync());
    }

    [Fact]
    public async Task Edit_ADraftsImages_ReplacesThemAndChecksTheNewOnesBeforeScheduling()
    {
        var first = (await _media.UploadAsync("first.png", TestImages.Png(30, 30, SKColors.Red))).Value;
        var second = (await _media.UploadAsync("second.png", TestImages.Png(30, 30, SKColors.Blue))).Value;
        var draft = await SubmitAsync(ComposeMode.SaveDraft, [first.Id]);
        Assert.True(draft.Succeeded, draft.Error);
        var edits = _media.App.Get<PostEditService>();
        var loaded = await edits.LoadAsync(draft.Value.Id, _media.BrandId, CancellationToken.None);
        Assert.Equal([first.Id], loaded!.MediaIds);

        var request = new ComposeRequest(_media.BrandId, "Our gallery", [_channel.Id], ComposeMode.Schedule, DateTime.UtcNow.AddDays(2), MediaIds: [second.Id]);
        var saved = await edits.SaveAsync(draft.Value.Id, loaded.Version, request, _media.Admin, CancellationToken.None);

        Assert.True(saved.Succeeded, saved.Error);
        Assert.Equal([second.Id], (await edits.LoadAsync(draft.Value.Id, _media.BrandId, CancellationToken.None))!.MediaIds);
        var tooMany = new List<int>();
        foreach (var i in Enumerable.Range(0, 5))
        {
            tooMany.Add((await _media.UploadAsync($"more{i}.png", TestImages.Png(21 + i, 21))).Value.Id);
        }

        var again = await edits.LoadAsync(draft.Value.Id, _media.BrandId, CancellationToken.None);
        var refused = await edits.SaveAsync(draft.Value.Id, again!.Version, request with { MediaIds = tooMany }, _media.Admin, CancellationToken.None);
        Assert.Equal("@team: Remove 1 image(s): Sandbox allows 4 per post.", refused.Error);
        Assert.Equal([second.Id], (await edits.LoadAsync(draft.Value.Id, _media.BrandId, CancellationToken.None))!.MediaIds);
    }

    private Task<Ocma.Core.Result<Post>> SubmitAsync(ComposeMode mode, IReadOnlyList<int> mediaIds) =>
        _media.App.Get<ComposeService>().SubmitAsync(
            new ComposeRequest(_media.BrandId, "Our gallery", [_channel.Id], mode, DateTime.UtcNow.AddDays(2), MediaIds: mediaIds), _media.Admin, CancellationToken.None);
}
