using SkiaSharp;

namespace Ocma.Tests.Support;

/// <summary>Real image files drawn for a test, in the formats the media library accepts.</summary>
public static class TestImages
{
    public static byte[] Png(int width, int height, SKColor? color = null) => Draw(width, height, color ?? SKColors.SteelBlue, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width, int height, SKColor? color = null) => Draw(width, height, color ?? SKColors.Orange, SKEncodedImageFormat.Jpeg);

    public static byte[] WebP(int width, int height) => Draw(width, height, SKColors.SeaGreen, SKEncodedImageFormat.Webp);

    /// <summary>A minimal one-pixel GIF, spelled out (Skia does not write GIFs).</summary>
    public static byte[] Gif() => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static string WriteTempFile(string name, byte[] bytes)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ocma-tests", "images", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Draw(int width, int height, SKColor color, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(color);
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 4f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
