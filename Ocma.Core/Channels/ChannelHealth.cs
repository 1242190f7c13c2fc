namespace Ocma.Core.Channels;

/// <summary>What the last health probe of a channel found (one row per channel, replaced by each probe).</summary>
public sealed class ChannelHealth
{
    public int ChannelId { get; set; }

    public DateTime CheckedUtc { get; set; }

    public bool Healthy { get; set; }

    public DateTime? LastSuccessUtc { get; set; }

    public int? LatencyMs { get; set; }

    /// <summary>What went wrong, in words; null when healthy.</summary>
    public string? Problem { get; set; }

    /// <summary>Scopes the platform app needs that the grant lacks, space-separated.</summary>
    public string? MissingScopes { get; set; }

    public int? RateLimitRemaining { get; set; }

    public DateTime? RateLimitResetUtc { get; set; }
}
