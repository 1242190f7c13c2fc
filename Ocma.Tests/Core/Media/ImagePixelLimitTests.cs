using System.Diagnostics;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Media;

[Collection(MemoryMeasuredCollection.Name)]
public sealed class ImagePixelLimitTests : IAsyncLifetime
{
    private MediaHarness _media = null!;

    public async Task InitializeAsync() => _media = await MediaHarness.StartAsync();

    public async Task DisposeAsync() => await _media.DisposeAsync();

    [Fact]
    public async Task Upload_TinyPngOf30000By30000Pixels_IsRefusedNamingTheLimitWithoutDecodingIt()
    {
        var bomb = PngBomb.Create(30000, 30000);
        Assert.InRange(bomb.Length, 1, 200_000);
        var baseline = SettledMemory();
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, CurrentMemory());
                await Task.Delay(20);
            }
        });

        var result = await _media.UploadAsync("huge.png", bomb, "image/png");
        await sampling.CancelAsync();
        await sampler;
        peak = Math.Max(peak, CurrentMemory());

        Assert.True(peak - baseline < 100L * 1024 * 1024, $"memory grew by {(peak - baseline) / (1024 * 1024)} MB while refusing the image");
        Assert.False(result.Succeeded);
        Assert.Contains("30,000×30,000 pixels", result.Error, StringComparison.Ordinal);
        Assert.Contains("50 megapixels", result.Error, StringComparison.Ordinal);
        Assert.Contains("Media:MaxImagePixels", result.Error, StringComparison.Ordinal);
        Assert.Empty(_media.StoredFiles());
    }

    [Fact]
    public async Task Upload_LargeJpegUnderTheLimit_GetsAThumbnailAndItsFullSize()
    {
        var result = await _media.UploadAsync("wide.jpg", TestImages.Jpeg(4000, 3000), "image/jpeg");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((4000, 3000), (result.Value.Width, result.Value.Height));
        Assert.Equal(2, _media.StoredFiles().Count);
    }

    private static long SettledMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return CurrentMemory();
    }

    private static long CurrentMemory()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64; // managed heap and native (SkiaSharp) memory alike
    }
}
