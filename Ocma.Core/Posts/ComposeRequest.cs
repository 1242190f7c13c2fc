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
public sealed record ComposeRequest(int BrandId, string Text, IReadOnlyList<int> ChannelIds, ComposeMode Mode, DateTime? LocalDueTime);
