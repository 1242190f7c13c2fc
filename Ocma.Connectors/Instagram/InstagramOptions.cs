using System.ComponentModel.DataAnnotations;
using Ocma.Connectors.Shared;

namespace Ocma.Connectors.Instagram;

/// <summary>Instagram settings (section <c>Connectors:Instagram</c>), for the "Instagram API with Instagram Login" variant.</summary>
public sealed class InstagramOptions : ConnectorHttpOptions
{
    public const string SectionName = "Connectors:Instagram";

    [Required]
    [Url]
    public string AuthorizeUrl { get; set; } = "https://www.instagram.com/oauth/authorize";

    /// <summary>Where the sign-in code is exchanged for a short-lived token.</summary>
    [Required]
    [Url]
    public string TokenUrl { get; set; } = "https://api.instagram.com/oauth/access_token";

    [Required]
    [Url]
    public string GraphBaseUrl { get; set; } = "https://graph.instagram.com";

    [Required]
    [RegularExpression(@"^v\d+\.\d+$")]
    public string GraphVersion { get; set; } = "v23.0";

    [Required]
    public string Scopes { get; set; } = "instagram_business_basic,instagram_business_content_publish";

    [Range(1, 100_000)]
    public int CaptionLimit { get; set; } = 2200;

    [Range(0, 1000)]
    public int MaxHashtags { get; set; } = 30;

    [Range(0, 1000)]
    public int MaxMentions { get; set; } = 20;

    [Range(1, 20)]
    public int MaxImages { get; set; } = 10;

    [Range(1, 1_000_000_000)]
    public long MaxImageBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Pause between container status checks (Meta suggests about a minute for video; images are quick).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ContainerPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1, 600)]
    public int ContainerPollAttempts { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan LookupClockSkew { get; set; } = TimeSpan.FromMinutes(2);
}
