namespace Ocma.Core.Posts;

public enum ComposeMode
{
    SaveDraft,
    PublishNow,
    Schedule,
}

/// <summary>What the composer submits. <paramref name="LocalDueTime"/> is wall-clock time in the brand's zone.</summary>
/// <param name="MediaIds">Media library assets to attach, in order; null or empty for a text-only post.</param>
public sealed record ComposeRequest(int BrandId, string Text, IReadOnlyList<int> ChannelIds, ComposeMode Mode, DateTime? LocalDueTime, IReadOnlyList<int>? MediaIds = null);
