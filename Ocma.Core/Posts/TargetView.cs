namespace Ocma.Core.Posts;

/// <summary>One target as lists (Activity, Calendar, Dashboard) show it.</summary>
public sealed record TargetView(
    int TargetId,
    int PostId,
    string Text,
    int ChannelId,
    string ChannelLabel,
    string PlatformKey,
    TargetState State,
    DateTime? DueUtc,
    DateTime? PublishedUtc,
    string? PlatformUrl,
    string? LastError,
    DateTime? NextAttemptUtc,
    int AttemptCount,
    string AuthorName,
    string IdempotencyKey = "",
    string? Campaign = null,
    int BrandId = 0);
