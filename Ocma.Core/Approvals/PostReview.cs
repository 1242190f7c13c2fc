using Ocma.Core.Posts;

namespace Ocma.Core.Approvals;

/// <summary>One entry of a post's append-only review history: who submitted, approved or rejected it, when, and why.</summary>
public sealed class PostReview
{
    public int Id { get; set; }

    public int PostId { get; set; }

    public Post? Post { get; set; }

    public string? UserId { get; set; }

    public required string UserName { get; set; }

    public ReviewDecision Decision { get; set; }

    /// <summary>The reviewer's words to the author; required for a rejection.</summary>
    public string? Comment { get; set; }

    public DateTime AtUtc { get; set; }
}
