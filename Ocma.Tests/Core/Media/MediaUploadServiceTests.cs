using System.Security.Cryptography;
using Ocma.Core.Identity;
using Ocma.Core.Media;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Media;

public sealed class MediaUploadServiceTests : IAsyncLifetime
{
    private MediaHarness _media = null!;

    public async Task InitializeAsync() => _media = await MediaHarness.StartAsync(new Dictionary<string, string?> { ["Media:MaxUploadBytes"] = "200000" });

    public async Task DisposeAsync() => await _media.DisposeAsync();

    [Fact]
    public async Task Upload_Png_IsStoredUnderItsSha256WithSizeTypeAndThumbnail()
    {
        var bytes = TestImages.Png(800, 600);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var result = await _media.UploadAsync("Launch photo.png", bytes, "image/png");

        Assert.True(result.Succeeded, result.Error);
        var asset = result.Value;
        Assert.Equal((sha, "image/png", 800, 600, (long)bytes.Length, "Launch photo.png"), (asset.Sha256, asset.ContentType, asset.Width, asset.Height, asset.Length, asset.FileName));
        Assert.Equal([Path.Combine(sha[..2], sha), Path.Combine(sha[..2], sha + ".thumb.jpg")], _media.StoredFiles());
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(_media.MediaRoot, sha[..2], sha)));
        var thumbnailSize = ImageReader.Dimensions(Path.Combine(_media.MediaRoot, sha[..2], sha + ".thumb.jpg"));
        Assert.Equal((ImageReader.ThumbnailSize, 240), thumbnailSize);
    }

    [Fact]
    public async Task Upload_SameBytesTwice_IsOneFileAndOneAsset()
    {
        var bytes = TestImages.Jpeg(300, 200);

        var first = await _media.UploadAsync("a.jpg", bytes, "image/jpeg");
        var second = await _media.UploadAsync("copy of a.jpg", bytes, "image/jpeg");

        Assert.Equal(first.Value.Id, second.Value.Id);
        Assert.Equal(2, _media.StoredFiles().Count); // the original and its thumbnail, once
        Assert.Single(await _media.App.Get<MediaLibraryService>().ListAsync(new MediaQuery(_media.BrandId), CancellationToken.None));
    }

    [Theory]
    [InlineData("gif")]
    [InlineData("webp")]
    public async Task Upload_GifAndWebP_AreRecognisedFromTheirBytes(string format)
    {
        var (bytes, type, size) = format == "gif" ? (TestImages.Gif(), "image/gif", (1, 1)) : (TestImages.WebP(64, 32), "image/webp", (64, 32));

        var result = await _media.UploadAsync("picture." + format, bytes, "application/octet-stream");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((type, size.Item1, size.Item2), (result.Value.ContentType, result.Value.Width, result.Value.Height));
    }

    [Fact]
    public async Task Upload_JpegNamedPng_IsRefusedNamingTheRealTypeAndNothingIsStored()
    {
        var result = await _media.UploadAsync("x.png", TestImages.Jpeg(40, 40), "image/png");

        Assert.Equal("'x.png' is not really a PNG image: its contents are a JPEG image. Rename it to .jpg or export it again.", result.Error);
        Assert.Empty(_media.StoredFiles());
    }

    [Fact]
    public async Task Upload_TextFileNamedPng_IsRefused()
    {
        var result = await _media.UploadAsync("notes.png", "hello, this is not an image"u8.ToArray(), "image/png");

        Assert.StartsWith("'notes.png' is not really a PNG image", result.Error, StringComparison.Ordinal);
        Assert.Empty(_media.StoredFiles());
    }

    [Fact]
    public async Task Upload_TruncatedPng_IsRefusedAsDamaged()
    {
        var bytes = TestImages.Png(200, 200)[..24];

        var result = await _media.UploadAsync("cut.png", bytes, "image/png");

        Assert.Contains("cannot be read as one", result.Error, StringComparison.Ordinal);
        Assert.Empty(_media.StoredFiles());
    }

    [Fact]
    public async Task Upload_OverTheConfiguredLimit_IsRefusedNamingTheLimitAndLeavesNoPartialFile()
    {
        var big = new byte[250_000];
        TestImages.Png(10, 10).CopyTo(big, 0);

        var result = await _media.UploadAsync("huge.png", big, "image/png");

        Assert.Equal("'huge.png' is larger than the 195.3 KB upload limit (Media:MaxUploadBytes). Use a smaller file.", result.Error);
        Assert.Empty(_media.StoredFiles());
    }

    [Fact]
    public async Task Upload_TypeNotInAllowedTypes_IsRefused()
    {
        await using var pngOnly = await MediaHarness.StartAsync(new Dictionary<string, string?> { ["Media:AllowedTypes:0"] = "image/png" });

        var result = await pngOnly.UploadAsync("photo.jpg", TestImages.Jpeg(20, 20), "image/jpeg");

        Assert.Equal("'photo.jpg' is a JPEG image, which this installation does not accept (Media:AllowedTypes). Upload PNG.", result.Error);
    }

    [Fact]
    public async Task Upload_ByViewer_IsRefused()
    {
        var viewer = await TestUsers.CreateAsync(_media.App, _media.Admin, "viewer@example.com", Roles.Viewer);

        var result = await _media.UploadAsync("a.png", TestImages.Png(10, 10), actor: viewer);

        Assert.Contains("cannot add media", result.Error, StringComparison.Ordinal);
        Assert.Empty(_media.StoredFiles());
    }

    [Fact]
    public async Task Upload_ConnectionDropsHalfway_LeavesNoFileAndNoAsset()
    {
        var bytes = TestImages.Png(300, 300);
        await using var dropping = new DroppingStream(bytes, bytes.Length / 2);

        await Assert.ThrowsAsync<IOException>(() => _media.App.Get<MediaUploadService>().UploadAsync(
            new MediaUpload(_media.BrandId, "half.png", "image/png", dropping), _media.Admin, CancellationToken.None));

        Assert.Empty(_media.StoredFiles());
        Assert.Empty(await _media.App.Get<MediaLibraryService>().ListAsync(new MediaQuery(_media.BrandId), CancellationToken.None));
    }

    /// <summary>Gives the first bytes of an upload, then fails the way a dropped browser connection does.</summary>
    private sealed class DroppingStream(byte[] bytes, int dropAfter) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position >= dropAfter ? throw new IOException("The client disconnected.") : base.ReadAsync(buffer[..Math.Min(buffer.Length, dropAfter - (int)Position)], cancellationToken);
    }
}
