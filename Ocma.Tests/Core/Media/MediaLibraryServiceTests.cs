using Ocma.Core.Media;
using Ocma.Core.Posts;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Media;

public sealed class MediaLibraryServiceTests : IAsyncLifetime
{
    private MediaHarness _media = null!;

    private MediaLibraryService Library => _media.App.Get<MediaLibraryService>();

    public async Task InitializeAsync() => _media = await MediaHarness.StartAsync();

    public async Task DisposeAsync() => await _media.DisposeAsync();

    [Fact]
    public async Task List_SearchAndFilters_FindByNameAltTextTypeMissingAltAndUnused()
    {
        var beach = (await _media.UploadAsync("beach.png", TestImages.Png(50, 50))).Value;
        var team = (await _media.UploadAsync("team.jpg", TestImages.Jpeg(50, 50))).Value;
        await Library.SetAltTextAsync(team.Id, "Our team on the beach at sunset", _media.Admin, CancellationToken.None);
        var channel = await SandboxChannels.ConnectAsync(_media.App, _media.Admin);
        await ComposeWithAsync(channel.Id, team.Id);

        Assert.Equal(["team.jpg", "beach.png"], await NamesAsync(new MediaQuery(_media.BrandId, Search: "beach")));
        Assert.Equal(["team.jpg"], await NamesAsync(new MediaQuery(_media.BrandId, ContentType: "image/jpeg")));
        Assert.Equal(["beach.png"], await NamesAsync(new MediaQuery(_media.BrandId, Filter: MediaFilter.MissingAltText)));
        Assert.Equal(["beach.png"], await NamesAsync(new MediaQuery(_media.BrandId, Filter: MediaFilter.Unused)));
    }

    [Fact]
    public async Task Delete_WhileAPostUsesIt_IsRefusedNamingThePostAndKeepsTheFile()
    {
        var asset = (await _media.UploadAsync("logo.png", TestImages.Png(64, 64))).Value;
        var channel = await SandboxChannels.ConnectAsync(_media.App, _media.Admin);
        var post = await ComposeWithAsync(channel.Id, asset.Id);

        var result = await Library.DeleteAsync(asset.Id, _media.Admin, CancellationToken.None);

        Assert.Equal($"'logo.png' is used by post #{post.Id}. Remove it from that post first.", result.Error);
        Assert.Equal(2, _media.StoredFiles().Count);
        Assert.Equal([post.Id], (await Library.UsageAsync(asset.Id, CancellationToken.None)).Select(u => u.PostId));
    }

    [Fact]
    public async Task Delete_Unused_RemovesTheAssetAndItsFiles()
    {
        var asset = (await _media.UploadAsync("old.png", TestImages.Png(64, 64))).Value;

        var result = await Library.DeleteAsync(asset.Id, _media.Admin, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(await Library.ListAsync(new MediaQuery(_media.BrandId), CancellationToken.None));
        Assert.Empty(_media.StoredFiles());
    }

    [Fact]
    public async Task SetAltText_TooLong_IsRefusedAndTheOldTextKept()
    {
        var asset = (await _media.UploadAsync("a.png", TestImages.Png(10, 10))).Value;
        await Library.SetAltTextAsync(asset.Id, "A blue square", _media.Admin, CancellationToken.None);

        var result = await Library.SetAltTextAsync(asset.Id, new string('x', 1501), _media.Admin, CancellationToken.None);

        Assert.Equal("Shorten the alt text to 1,500 characters; it has 1,501.", result.Error);
        Assert.Equal("A blue square", (await Library.FindAsync(asset.Id, CancellationToken.None))!.AltText);
    }

    private async Task<Post> ComposeWithAsync(int channelId, int assetId)
    {
        var request = new ComposeRequest(_media.BrandId, "With a picture", [channelId], ComposeMode.SaveDraft, null, MediaIds: [assetId]);
        var result = await _media.App.Get<ComposeService>().SubmitAsync(request, _media.Admin, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        return result.Value;
    }

    private async Task<List<string>> NamesAsync(MediaQuery query) =>
        (await Library.ListAsync(query, CancellationToken.None)).Select(i => i.FileName).ToList();
}
