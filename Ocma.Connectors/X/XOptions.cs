using System.ComponentModel.DataAnnotations;
using Ocma.Connectors.Shared;

namespace Ocma.Connectors.X;

/// <summary>X settings (section <c>Connectors:X</c>).</summary>
public sealed class XOptions : ConnectorHttpOptions
{
    public const string SectionName = "Connectors:X";

    /// <summary>The consent page.</summary>
    [Required]
    [Url]
    public string AuthorizeUrl { get; set; } = "https://x.com/i/oauth2/authorize";

    /// <summary>The API host (token endpoint, posts, media, users).</summary>
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://api.x.com";

    /// <summary>Scopes requested at consent; offline.access is what gives a refresh token.</summary>
    [Required]
    public string Scopes { get; set; } = "tweet.read tweet.write users.read media.write offline.access";

    /// <summary>Weighted characters per post (280; premium accounts allow more).</summary>
    [Range(1, 25_000)]
    public int TextLimit { get; set; } = 280;

    [Range(0, 4)]
    public int MaxImages { get; set; } = 4;

    [Range(1, 100_000_000)]
    public long MaxImageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Bytes per media append segment.</summary>
    [Range(1, 5 * 1024 * 1024)]
    public int MediaChunkBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest pause between media status checks, whatever X suggests in check_after_secs.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxMediaPollDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(1, 600)]
    public int MediaPollAttempts { get; set; } = 60;

    /// <summary>How far before the first attempt a lookup searches, to allow for clock differences.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan LookupClockSkew { get; set; } = TimeSpan.FromMinutes(2);
}
