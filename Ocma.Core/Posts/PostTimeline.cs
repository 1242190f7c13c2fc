using Ocma.Core.Connectors;
using Ocma.Core.Publishing;

namespace Ocma.Core.Posts;

/// <summary>One post with every target and each target's attempt ledger, for the post timeline page.</summary>
public sealed record PostTimeline(int PostId, string Text, string AuthorName, DateTime CreatedUtc, string TimeZoneId, IReadOnlyList<TargetTimeline> Targets, string? Notes = null, string? Campaign = null)
{
    /// <summary>At least one channel has not gone to the platform yet, so the post can still be edited.</summary>
    public bool CanEdit => Targets.Any(t => PostEditService.CanEdit(t.State));
}

/// <summary>One target of a post and its attempts, oldest first.</summary>
public sealed record TargetTimeline(
    int TargetId,
    string ChannelLabel,
    TargetState State,
    DateTime? DueUtc,
    DateTime? PublishedUtc,
    string? PlatformUrl,
    string? LastError,
    DateTime? NextAttemptUtc,
    IReadOnlyList<AttemptEntry> Attempts,
    string Text = "",
    bool HasOwnText = false);

/// <summary>One row of the append-only attempt ledger.</summary>
public sealed record AttemptEntry(
    int Number,
    DateTime StartedUtc,
    DateTime? FinishedUtc,
    AttemptOutcome Outcome,
    FailureKind? FailureKind,
    string? PlatformCode,
    string? Message,
    DateTime? RetryAfterUtc);
