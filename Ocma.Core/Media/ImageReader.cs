using SkiaSharp;

namespace Ocma.Core.Media;

/// <summary>Reads an image's size from its headers and draws its thumbnail (SkiaSharp).</summary>
public static class ImageReader
{
    public const int ThumbnailSize = 320;

    /// <summary>Width and height from the file's headers, without decoding its pixels; null when the file is not an image SkiaSharp reads.</summary>
    public static (int Width, int Height)? Dimensions(string path)
    {
        using var codec = SKCodec.Create(path);
        return codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0 ? null : (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>
    /// Writes a JPEG that fits in <see cref="ThumbnailSize"/> pixels; false when the image cannot be decoded. The codec decodes
    /// straight to a smaller size where its format allows (JPEG, WebP), so a large photo never sits in memory at full size;
    /// callers refuse images over the pixel limit before this (<see cref="MediaOptions.MaxImagePixels"/>).
    /// </summary>
    public static bool WriteThumbnail(string sourcePath, string thumbnailPath)
    {
        using var codec = SKCodec.Create(sourcePath);
        if (codec is null)
        {
            return false;
        }

        var full = codec.Info;
        var wanted = Math.Min(1f, (float)ThumbnailSize / Math.Max(full.Width, full.Height));
        var decodeSize = codec.GetScaledDimensions(wanted);
        var decodeInfo = new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(decodeInfo);
        var outcome = codec.GetPixels(decodeInfo, decoded.GetPixels());
        if (outcome is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return false;
        }

        var scale = Math.Min(1.0, (double)ThumbnailSize / Math.Max(decoded.Width, decoded.Height));
        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(decoded.Width * scale)), Math.Max(1, (int)Math.Round(decoded.Height * scale)));
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White); // JPEG has no transparency: transparent areas become white, not black
        using var image = SKImage.FromBitmap(decoded);
        surface.Canvas.DrawImage(image, new SKRect(0, 0, info.Width, info.Height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 82);
        using var file = File.Create(thumbnailPath);
        data.SaveTo(file);
        return true;
    }
}
