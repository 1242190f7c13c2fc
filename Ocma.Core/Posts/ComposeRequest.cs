namespace Ocma.Core.Posts;

public enum ComposeMode
{
    SaveDraft,
    PublishNow,
    Schedule,

    /// <summary>Each channel gets its own next free posting time (see Calendar.QueueService).</summary>
    AddToQueue,
}

/// <summary>What the composer submits. <paramref name="LocalDueTime"/> is wall-clock time in the brand's zone.</summary>
/// <param name="Variants">A channel's own text, by channel id; a channel without one gets <paramref name="Text"/>.</param>
/// <param name="Notes">The team's brief or notes, in Markdown; never published.</param>
/// <param name="MediaIds">Media library assets to attach, in order; null or empty for a text-only post.</param>
/// <param name="Campaign">The campaign label the post belongs to; null or blank for none.</param>
public sealed record ComposeRequest(
    int BrandId,
    string Text,
    IReadOnlyList<int> ChannelIds,
    ComposeMode Mode,
    DateTime? LocalDueTime,
    IReadOnlyDictionary<int, string>? Variants = null,
    string? Notes = null,
    IReadOnlyList<int>? MediaIds = null,
    string? Campaign = null);

/// <summary>A request that passed every check: the cleaned text, each channel's own text, the images, and the due time.</summary>
public sealed record CheckedContent(
    string Text,
    string? Notes,
    string? Campaign,
    IReadOnlyList<Channels.Channel> Channels,
    IReadOnlyDictionary<int, string> Variants,
    IReadOnlyList<Media.MediaAsset> Media,
    DateTime? DueUtc,
    string TimeZoneId)
{
    public string? VariantFor(int channelId) => Variants.GetValueOrDefault(channelId);
}
