using Ocma.Core.Media;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Media;

public sealed class VideoUploadTests : IAsyncLifetime
{
    private MediaHarness _media = null!;

    public async Task InitializeAsync() => _media = await MediaHarness.StartAsync(new Dictionary<string, string?>
    {
        ["Media:MaxUploadBytes"] = "100000",
        ["Media:MaxVideoBytes"] = "300000",
    });

    public async Task DisposeAsync() => await _media.DisposeAsync();

    [Fact]
    public async Task Upload_Mp4_IsStoredWithDurationAndSizeAndNoThumbnail()
    {
        var result = await _media.UploadAsync("Launch teaser.mp4", TestVideos.Mp4(TimeSpan.FromSeconds(42), 1080, 1920), "video/mp4");

        Assert.True(result.Succeeded, result.Error);
        var asset = result.Value;
        Assert.Equal(("video/mp4", 1080, 1920, 42.0), (asset.ContentType, asset.Width, asset.Height, asset.DurationSeconds));
        Assert.Single(_media.StoredFiles()); // the video itself; no drawn thumbnail
        var listed = Assert.Single(await _media.App.Get<MediaLibraryService>().ListAsync(new MediaQuery(_media.BrandId), CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(42), listed.Duration);
    }

    [Fact]
    public async Task Upload_QuickTimeMov_IsAccepted()
    {
        var result = await _media.UploadAsync("interview.mov", TestVideos.QuickTime(TimeSpan.FromMinutes(3)), "video/quicktime");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(("video/quicktime", 180.0), (result.Value.ContentType, result.Value.DurationSeconds));
    }

    [Fact]
    public async Task Upload_VideoNamedJpg_IsRefusedSayingItIsAVideo()
    {
        var result = await _media.UploadAsync("photo.jpg", TestVideos.Mp4(TimeSpan.FromSeconds(5)), "image/jpeg");

        Assert.Equal("'photo.jpg' is not really a JPEG image: its contents are an MP4 video. Rename it to .mp4 or export it again.", result.Error);
        Assert.Empty(_media.StoredFiles());
    }

    [Fact]
    public async Task Upload_ImageNamedMp4_IsRefusedSayingItIsAnImage()
    {
        var result = await _media.UploadAsync("clip.mp4", TestImages.Png(20, 20), "video/mp4");

        Assert.Equal("'clip.mp4' is not really an MP4 video: its contents are a PNG image. Rename it to .png or export it again.", result.Error);
        Assert.Empty(_media.StoredFiles());
    }

    [Fact]
    public async Task Upload_UnreadableBoxes_IsRefusedAndNothingIsStored()
    {
        var result = await _media.UploadAsync("broken.mp4", TestVideos.CutShort(TimeSpan.FromSeconds(5)), "video/mp4");

        Assert.Equal("'broken.mp4' starts like an MP4 video but its length and picture size cannot be read: it may be damaged or cut short. Export it again and retry.", result.Error);
        Assert.Empty(_media.StoredFiles());
        Assert.Empty(await _media.App.Get<MediaLibraryService>().ListAsync(new MediaQuery(_media.BrandId), CancellationToken.None));
    }

    [Fact]
    public async Task Upload_VideoOverTheVideoLimit_IsRefusedNamingTheVideoSetting()
    {
        var result = await _media.UploadAsync("long.mp4", TestVideos.Mp4(TimeSpan.FromSeconds(30), filler: 350_000), "video/mp4");

        Assert.Equal("'long.mp4' is larger than the 293 KB video upload limit (Media:MaxVideoBytes). Use a shorter or more compressed video.", result.Error);
        Assert.Empty(_media.StoredFiles());
    }

    [Fact]
    public async Task Upload_VideoOverTheImageLimitButUnderTheVideoLimit_IsAccepted()
    {
        var result = await _media.UploadAsync("medium.mp4", TestVideos.Mp4(TimeSpan.FromSeconds(30), filler: 150_000), "video/mp4");

        Assert.True(result.Succeeded, result.Error);
    }

    [Fact]
    public void SizeProblem_UsesTheLimitOfTheKindTheNameSuggests()
    {
        var uploads = _media.App.Get<MediaUploadService>();

        Assert.Null(uploads.SizeProblem("clip.mp4", 150_000));
        Assert.Contains("Media:MaxUploadBytes", uploads.SizeProblem("photo.png", 150_000), StringComparison.Ordinal);
        Assert.Contains("Media:MaxVideoBytes", uploads.SizeProblem("clip.mov", 400_000), StringComparison.Ordinal);
    }
}
