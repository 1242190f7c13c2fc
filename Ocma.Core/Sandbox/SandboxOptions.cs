using System.ComponentModel.DataAnnotations;

namespace Ocma.Core.Sandbox;

/// <summary>The built-in practice platform. On by default so a new team can try everything with no credentials.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    public bool Enabled { get; set; } = true;

    /// <summary>Most characters in one post, counted as graphemes.</summary>
    [Range(10, 100_000)]
    public int TextLimit { get; set; } = 500;

    /// <summary>How long an access token lives before it must be refreshed.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long an authorization code may wait to be exchanged.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Whether a repeated idempotency key returns the earlier post (true, like Mastodon) or every publish stores a
    /// new post (false, like X, LinkedIn, Facebook and Instagram), so a resend shows up as a duplicate on the feed.
    /// The key is kept on the post either way, so a look-up by key still finds what a lost answer created.
    /// </summary>
    public bool HonourIdempotencyKey { get; set; } = true;

    /// <summary>The Retry-After the failure switch's "rate limited" answer carries.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the platform takes to answer after storing a post, to practise (and test) a slow network.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan AnswerDelay { get; set; } = TimeSpan.Zero;
}
