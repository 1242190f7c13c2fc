using System.Globalization;

namespace Ocma.Core.Media;

public static class MediaSize
{
    /// <summary>A byte count as people read it: 5 MB, 340 KB.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
    };

    /// <summary>A pixel count as people read it: 50 megapixels, 40,000 pixels.</summary>
    public static string DescribePixels(long pixels) => pixels >= 1_000_000
        ? (pixels / 1_000_000.0).ToString("0.#", CultureInfo.InvariantCulture) + " megapixels"
        : pixels.ToString("N0", CultureInfo.InvariantCulture) + " pixels";
}
