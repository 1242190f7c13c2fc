namespace Ocma.Core.Media;

/// <summary>An image or video in a brand's media library. The bytes live once on disk, named by their SHA-256.</summary>
public sealed class MediaAsset
{
    public int Id { get; set; }

    public int BrandId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the file; also its name in the store.</summary>
    public required string Sha256 { get; set; }

    public required string FileName { get; set; }

    /// <summary>The type read from the file's own bytes, never the one the browser claimed.</summary>
    public required string ContentType { get; set; }

    public long Length { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>How long a video plays, in seconds (read from its <c>mvhd</c> box); null for images.</summary>
    public double? DurationSeconds { get; set; }

    public bool IsVideo => ContentType.StartsWith("video/", StringComparison.Ordinal);

    public TimeSpan? Duration => DurationSeconds is double seconds ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>Describes the image for people using screen readers; sent to platforms with the image.</summary>
    public string? AltText { get; set; }

    public required string UploadedById { get; set; }

    public required string UploadedByName { get; set; }

    public DateTime UploadedUtc { get; set; }
}
