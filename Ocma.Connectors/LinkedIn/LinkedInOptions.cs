using System.ComponentModel.DataAnnotations;
using Ocma.Connectors.Shared;

namespace Ocma.Connectors.LinkedIn;

/// <summary>LinkedIn settings (section <c>Connectors:LinkedIn</c>).</summary>
public sealed class LinkedInOptions : ConnectorHttpOptions
{
    public const string SectionName = "Connectors:LinkedIn";

    /// <summary>The sign-in host (consent page and token endpoint).</summary>
    [Required]
    [Url]
    public string AuthBaseUrl { get; set; } = "https://www.linkedin.com";

    /// <summary>The API host.</summary>
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://api.linkedin.com";

    /// <summary>The LinkedIn-Version header (YYYYMM). LinkedIn retires a version about a year after release: move it forward here.</summary>
    [Required]
    [RegularExpression(@"^\d{6}(\.\d{2})?$")]
    public string ApiVersion { get; set; } = "202601";

    /// <summary>Scopes requested at consent. Organization scopes need LinkedIn's Community Management approval.</summary>
    [Required]
    public string Scopes { get; set; } = "openid profile email w_member_social";

    [Range(1, 100_000)]
    public int TextLimit { get; set; } = 3000;

    [Range(0, 20)]
    public int MaxImages { get; set; } = 20;

    [Range(1, 1_000_000_000)]
    public long MaxImageBytes { get; set; } = 10 * 1024 * 1024;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ImagePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 600)]
    public int ImagePollAttempts { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan LookupClockSkew { get; set; } = TimeSpan.FromMinutes(2);
}
