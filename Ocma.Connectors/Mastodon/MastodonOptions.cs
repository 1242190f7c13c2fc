using System.ComponentModel.DataAnnotations;
using Ocma.Connectors.Shared;

namespace Ocma.Connectors.Mastodon;

/// <summary>Mastodon settings (section <c>Connectors:Mastodon</c>). The server itself is chosen per channel.</summary>
public sealed class MastodonOptions : ConnectorHttpOptions
{
    public const string SectionName = "Connectors:Mastodon";

    /// <summary>The app name shown to people on the consent page of their server.</summary>
    [Required]
    public string AppName { get; set; } = "Ocma";

    /// <summary>Optional website registered with the app.</summary>
    public string? Website { get; set; }

    /// <summary>Scopes requested at registration and consent.</summary>
    [Required]
    public string Scopes { get; set; } = "read:accounts read:statuses write:statuses write:media";

    /// <summary>Most characters in a post (Mastodon's default; servers may allow more).</summary>
    [Range(1, 100_000)]
    public int TextLimit { get; set; } = 500;

    /// <summary>Largest image file accepted.</summary>
    [Range(1, 1_000_000_000)]
    public long MaxImageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Largest video file accepted: Mastodon's default <c>video_size_limit</c> is 99 MB (servers may set another).</summary>
    [Range(1, 4_000_000_000)]
    public long MaxVideoBytes { get; set; } = 99L * 1024 * 1024;

    /// <summary>How many checks (every <see cref="MediaPollInterval"/>) before giving up on a video the server is still transcoding.</summary>
    [Range(1, 3600)]
    public int VideoPollAttempts { get; set; } = 180;

    /// <summary>Who sees new posts: public, unlisted, private or direct.</summary>
    [RegularExpression("^(public|unlisted|private|direct)$")]
    public string Visibility { get; set; } = "public";

    /// <summary>Pause between checks while the server processes an uploaded image.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MediaPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many checks before giving up on media processing.</summary>
    [Range(1, 600)]
    public int MediaPollAttempts { get; set; } = 30;

    /// <summary>Allow plain http:// servers (only for local test servers).</summary>
    public bool AllowHttpInstances { get; set; }
}
