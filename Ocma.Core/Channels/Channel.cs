namespace Ocma.Core.Channels;

/// <summary>A connected account on one platform.</summary>
public sealed class Channel
{
    public int Id { get; set; }

    public int BrandId { get; set; }

    /// <summary>The connector key, e.g. "sandbox".</summary>
    public required string PlatformKey { get; set; }

    /// <summary>The account's id on the platform.</summary>
    public required string AccountId { get; set; }

    public required string DisplayName { get; set; }

    public string? Handle { get; set; }

    /// <summary>The grant (tokens, expiry, scopes), encrypted with Data Protection. Never plaintext.</summary>
    public required string ProtectedGrant { get; set; }

    public DateTime? TokenExpiresUtc { get; set; }

    public ChannelStatus Status { get; set; }

    /// <summary>Why the channel needs attention, in words; null while it is fine.</summary>
    public string? StatusReason { get; set; }

    public DateTime ConnectedUtc { get; set; }

    public required string ConnectedByUserId { get; set; }
}
