namespace Ocma.Core.Media;

/// <summary>A file type Ocma recognises from its first bytes.</summary>
public sealed record MediaKind(string ContentType, string Name, string[] Extensions)
{
    public bool IsVideo => ContentType.StartsWith("video/", StringComparison.Ordinal);

    /// <summary>The name with its article, as a sentence says it: "a PNG image", "an MP4 video".</summary>
    public string Spoken => (Name.StartsWith("MP4", StringComparison.Ordinal) ? "an " : "a ") + Name;
}

/// <summary>Tells what a file really is from its magic bytes, whatever its name or the browser say.</summary>
public static class MediaSniffer
{
    public static readonly MediaKind Png = new("image/png", "PNG image", [".png"]);
    public static readonly MediaKind Jpeg = new("image/jpeg", "JPEG image", [".jpg", ".jpeg", ".jfif"]);
    public static readonly MediaKind Gif = new("image/gif", "GIF image", [".gif"]);
    public static readonly MediaKind WebP = new("image/webp", "WebP image", [".webp"]);

    public static readonly MediaKind Mp4 = new("video/mp4", "MP4 video", [".mp4", ".m4v"]);
    public static readonly MediaKind QuickTime = new("video/quicktime", "QuickTime video", [".mov", ".qt"]);

    public static readonly IReadOnlyList<MediaKind> Known = [Png, Jpeg, Gif, WebP, Mp4, QuickTime];

    /// <summary>ISO base media brands that are still pictures (HEIF, AVIF), not video.</summary>
    private static readonly string[] StillImageBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif", "avis"];

    /// <summary>Bytes needed from the start of a file to recognise it.</summary>
    public const int HeaderLength = 16;

    public static MediaKind? Find(string contentType) =>
        Known.FirstOrDefault(k => string.Equals(k.ContentType, contentType.Trim(), StringComparison.OrdinalIgnoreCase));

    public static MediaKind? FindByExtension(string fileName) =>
        Known.FirstOrDefault(k => k.Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant()));

    public static MediaKind? Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        // ISO base media (MP4, QuickTime): a size, then the 'ftyp' box naming the major brand.
        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(header[8..12]);
            return brand == "qt  " ? QuickTime : StillImageBrands.Contains(brand) ? null : Mp4;
        }

        return null;
    }
}
