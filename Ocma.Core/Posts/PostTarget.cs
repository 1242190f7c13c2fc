using Ocma.Core.Channels;
using Ocma.Core.Connectors;

namespace Ocma.Core.Posts;

/// <summary>One post going to one channel, with its own state and delivery record.</summary>
public sealed class PostTarget
{
    public int Id { get; set; }

    public int PostId { get; set; }

    public Post? Post { get; set; }

    public int ChannelId { get; set; }

    public Channel? Channel { get; set; }

    /// <summary>This channel's own copy; null means the post's base text.</summary>
    public string? VariantText { get; set; }

    /// <summary>When it should go out, as a UTC instant.</summary>
    public DateTime? DueUtc { get; set; }

    /// <summary>The IANA zone the time was planned in.</summary>
    public string? PlannedTimeZoneId { get; set; }

    public TargetState State { get; set; }

    public DateTime StateChangedUtc { get; set; }

    /// <summary>Passed to platforms that accept one; the same for every attempt.</summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>Set when a dispatcher claims the target, so one claim owns it.</summary>
    public Guid? ClaimId { get; set; }

    public int AttemptCount { get; set; }

    public DateTime? NextAttemptUtc { get; set; }

    public string? PlatformPostId { get; set; }

    public string? PlatformUrl { get; set; }

    public DateTime? PublishedUtc { get; set; }

    /// <summary>Why it did not publish, in words a person can act on.</summary>
    public string? LastError { get; set; }

    /// <summary>What kind of failure the last attempt met; decides which dead-letter group it shows in. Cleared on publish.</summary>
    public FailureKind? LastFailureKind { get; set; }

    public string TextFor(Post post) => VariantText ?? post.Text;

    /// <summary>For logs and test failures: where the target stands and why (never its text or credentials).</summary>
    public override string ToString() =>
        $"target {Id} {State}, {AttemptCount} attempt(s), next {NextAttemptUtc:O}, last failure {LastFailureKind}: {LastError}";
}
