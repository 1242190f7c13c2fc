namespace Ocma.Core.Connectors;

/// <summary>What a platform is and what it can do; shown in the console and used by validation.</summary>
/// <param name="Key">Stable key stored on channels, e.g. "sandbox", "mastodon". Never renamed.</param>
/// <param name="DisplayName">Name shown to people.</param>
/// <param name="Capabilities">Optional features the connector implements.</param>
/// <param name="Limits">Content limits the composer and preflight enforce.</param>
/// <param name="AuthScheme">How an account is connected.</param>
public sealed record ConnectorDescriptor(
    string Key,
    string DisplayName,
    ConnectorCapabilities Capabilities,
    ContentLimits Limits,
    AuthScheme AuthScheme)
{
    /// <summary>
    /// Whether renewing a grant needs the platform app's client credentials (an OAuth refresh-token grant does). False
    /// for platforms that renew with the grant alone (a Bluesky session, a Mastodon or Facebook token that is only
    /// checked, the Sandbox): Ocma then refreshes without looking for an app, and <see cref="RefreshRequest.App"/> is null.
    /// </summary>
    public bool RefreshNeedsApp { get; init; } = true;

    /// <summary>
    /// Whether a look-up that finds nothing proves the post is not stored, so a resend is safe at once: true where the
    /// platform deduplicates a resend by key (Mastodon's Idempotency-Key, Bluesky's record key) or reads its own posts
    /// consistently (the Sandbox). False where a new POST always makes a new post and the timeline is eventually
    /// consistent (X, LinkedIn, Facebook, Instagram): Ocma looks once more, then asks a person (ADR 0014).
    /// </summary>
    public bool LookupMissIsProof { get; init; }
}

[Flags]
public enum ConnectorCapabilities
{
    None = 0,
    Text = 1,
    Images = 2,
    Links = 4,
    Video = 8,
    IdempotencyKey = 16,
    Refresh = 32,
    Metrics = 64,
    Delete = 128,
    AsyncStatus = 256,
}

public enum AuthScheme
{
    /// <summary>OAuth 2.0 authorization code, with PKCE where the platform supports it.</summary>
    OAuth2,
    /// <summary>Handle plus app password (Bluesky).</summary>
    AppPassword,
    /// <summary>OAuth 2.0 against an instance the user names (Mastodon).</summary>
    OAuth2PerInstance,
}

/// <summary>How the platform counts text length.</summary>
public enum TextCounting
{
    /// <summary>Unicode text elements as people see them.</summary>
    Graphemes,
    /// <summary>Graphemes, with every URL counted as a fixed length (Mastodon).</summary>
    GraphemesWithFixedUrls,
    /// <summary>X's weighted count: URLs 23, CJK and emoji 2.</summary>
    Weighted,
    /// <summary>UTF-16 code units.</summary>
    Utf16,
}

/// <param name="MaxTextLength">Most text the platform accepts, counted its way.</param>
/// <param name="Counting">How the platform counts.</param>
/// <param name="MaxImages">Most images in one post (0 when images are not supported).</param>
/// <param name="MaxImageBytes">Largest image file accepted.</param>
/// <param name="UrlLength">What one URL counts as, where the platform fixes it.</param>
/// <param name="MinAspect">Narrowest image accepted, as width ÷ height (0: no limit).</param>
/// <param name="MaxAspect">Widest image accepted, as width ÷ height (0: no limit).</param>
/// <param name="MaxImagePixels">Most pixels (width × height) in one image (0: no limit).</param>
/// <param name="MaxVideos">Most videos in one post; 0 when Ocma does not post video to the platform (the composer then refuses video).</param>
/// <param name="MaxVideoBytes">Largest video file accepted (0: no limit Ocma knows of).</param>
/// <param name="MaxVideoDuration">Longest video accepted; null when the platform publishes no length limit.</param>
/// <param name="MixesVideoWithImages">Whether one post may carry a video and images together.</param>
public sealed record ContentLimits(
    int MaxTextLength,
    TextCounting Counting,
    int MaxImages = 0,
    long MaxImageBytes = 0,
    int UrlLength = 23,
    double MinAspect = 0,
    double MaxAspect = 0,
    long MaxImagePixels = 0,
    int MaxVideos = 0,
    long MaxVideoBytes = 0,
    TimeSpan? MaxVideoDuration = null,
    bool MixesVideoWithImages = false);
