namespace Ocma.Core.Posts;

/// <summary>Where one post's delivery to one channel stands.</summary>
public enum TargetState
{
    Draft,
    InReview,
    Approved,
    Scheduled,
    Publishing,
    Published,
    /// <summary>Failed for a passing reason; the next attempt time is known.</summary>
    Retrying,
    /// <summary>A person must decide (e.g. the platform could not say whether the post went out).</summary>
    NeedsAttention,
    /// <summary>Dead-lettered with its cause.</summary>
    Failed,
    Canceled,
}
