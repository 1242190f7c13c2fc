using SkiaSharp;

namespace Ocma.Core.Media;

/// <summary>Reads an image's size from its headers and draws its thumbnail (SkiaSharp).</summary>
public static class ImageReader
{
    public const int ThumbnailSize = 320;

    /// <summary>Width and height from the file's headers; null when the file cannot be decoded as an image.</summary>
    public static (int Width, int Height)? Dimensions(string path)
    {
        using var codec = SKCodec.Create(path);
        return codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0 ? null : (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>Writes a JPEG that fits in <see cref="ThumbnailSize"/> pixels; false when the image cannot be decoded.</summary>
    public static bool WriteThumbnail(string sourcePath, string thumbnailPath)
    {
        using var original = SKBitmap.Decode(sourcePath);
        if (original is null)
        {
            return false;
        }

        var scale = Math.Min(1.0, (double)ThumbnailSize / Math.Max(original.Width, original.Height));
        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(original.Width * scale)), Math.Max(1, (int)Math.Round(original.Height * scale)));
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White); // JPEG has no transparency: transparent areas become white, not black
        using var image = SKImage.FromBitmap(original);
        surface.Canvas.DrawImage(image, new SKRect(0, 0, info.Width, info.Height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 82);
        using var file = File.Create(thumbnailPath);
        data.SaveTo(file);
        return true;
    }
}
