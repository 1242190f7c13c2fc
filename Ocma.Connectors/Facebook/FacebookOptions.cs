using System.ComponentModel.DataAnnotations;
using Ocma.Connectors.Shared;

namespace Ocma.Connectors.Facebook;

/// <summary>Facebook Pages settings (section <c>Connectors:Facebook</c>).</summary>
public sealed class FacebookOptions : ConnectorHttpOptions
{
    public const string SectionName = "Connectors:Facebook";

    /// <summary>Where the consent dialog lives.</summary>
    [Required]
    [Url]
    public string WebBaseUrl { get; set; } = "https://www.facebook.com";

    /// <summary>The Graph API host.</summary>
    [Required]
    [Url]
    public string GraphBaseUrl { get; set; } = "https://graph.facebook.com";

    /// <summary>The Graph API version in every path, e.g. v23.0. Meta retires versions about two years after release.</summary>
    [Required]
    [RegularExpression(@"^v\d+\.\d+$")]
    public string GraphVersion { get; set; } = "v23.0";

    [Required]
    public string Scopes { get; set; } = "pages_show_list,pages_manage_posts,pages_read_engagement";

    [Range(1, 100_000)]
    public int TextLimit { get; set; } = 63_206;

    [Range(0, 10)]
    public int MaxImages { get; set; } = 10;

    [Range(1, 1_000_000_000)]
    public long MaxImageBytes { get; set; } = 10 * 1024 * 1024;

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan LookupClockSkew { get; set; } = TimeSpan.FromMinutes(2);
}
