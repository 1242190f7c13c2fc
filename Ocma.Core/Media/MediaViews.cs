namespace Ocma.Core.Media;

/// <summary>What the library grid shows about one asset.</summary>
public sealed record MediaListItem(int Id, string FileName, string ContentType, long Length, int Width, int Height, string? AltText, DateTime UploadedUtc, string UploadedByName, int UsedBy, double? DurationSeconds = null)
{
    public bool IsVideo => ContentType.StartsWith("video/", StringComparison.Ordinal);

    public TimeSpan? Duration => DurationSeconds is double seconds ? TimeSpan.FromSeconds(seconds) : null;

    public bool MissingAltText => string.IsNullOrWhiteSpace(AltText);
}

/// <summary>A post that uses an asset.</summary>
public sealed record MediaUsage(int PostId, string Excerpt, DateTime CreatedUtc);

public enum MediaFilter
{
    All,
    MissingAltText,
    Unused,
}

/// <param name="Search">Matches the file name or the alt text.</param>
/// <param name="ContentType">Only this type, e.g. image/png; null for every type.</param>
public sealed record MediaQuery(int BrandId, string? Search = null, string? ContentType = null, MediaFilter Filter = MediaFilter.All);

public enum MediaSortBy
{
    /// <summary>When it was uploaded: the default, newest first.</summary>
    Uploaded,
    Name,
    Size,
}

public sealed record MediaSort(MediaSortBy By = MediaSortBy.Uploaded, bool Descending = true);

/// <summary>One page of the library and how many assets match in all.</summary>
public sealed record MediaRows(IReadOnlyList<MediaListItem> Items, int Total);
