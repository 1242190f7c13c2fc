using System.ComponentModel.DataAnnotations;

namespace Ocma.Core.Media;

/// <summary>What the media library accepts. Platform limits are checked separately, per channel, before scheduling.</summary>
public sealed class MediaOptions : IValidatableObject
{
    public const string SectionName = "Media";

    /// <summary>Largest image one upload may be.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>
    /// Most pixels (width × height) an uploaded image may have. Read from the file's header before any decoding, so a small
    /// file that claims a huge picture (a "decompression bomb") is refused without using memory. 50 megapixels by default.
    /// </summary>
    [Range(1, 1_000_000_000)]
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>Largest video (MP4, QuickTime) one upload may be.</summary>
    [Range(1024, 4L * 1024 * 1024 * 1024)]
    public long MaxVideoBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Largest file of either kind: what the browser may send before the bytes say which kind it is.</summary>
    public long MaxAnyBytes => Math.Max(MaxUploadBytes, MaxVideoBytes);

    public long LimitFor(MediaKind kind) => kind.IsVideo ? MaxVideoBytes : MaxUploadBytes;

    /// <summary>
    /// Content types people may upload; each must be one Ocma recognises from the file's bytes. Empty means all of them
    /// (a default list here would be appended to, not replaced, by the configuration binder).
    /// </summary>
    public string[] AllowedTypes { get; set; } = [];

    /// <summary>How long a public link to a library file works (the address Instagram fetches images from).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan PublicLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    public IReadOnlyList<string> EffectiveAllowedTypes => AllowedTypes.Length > 0 ? AllowedTypes : MediaSniffer.Known.Select(k => k.ContentType).ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var type in AllowedTypes.Where(t => MediaSniffer.Find(t) is null))
        {
            yield return new ValidationResult(
                $"Media:AllowedTypes has '{type}', which Ocma cannot recognise; use {string.Join(", ", MediaSniffer.Known.Select(k => k.ContentType))}.",
                [nameof(AllowedTypes)]);
        }
    }
}
