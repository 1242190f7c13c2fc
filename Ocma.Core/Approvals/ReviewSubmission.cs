using Ocma.Core.Audit;
using Ocma.Core.Data;
using Ocma.Core.Posts;

namespace Ocma.Core.Approvals;

/// <summary>Starts a post's review history when the composer stored it waiting for approval.</summary>
public static class ReviewSubmission
{
    public const string AuditAction = "post.submitted";

    /// <summary>Adds the "submitted" entry to the caller's context when the post waits in review; says whether it did.</summary>
    public static bool Record(OcmaDbContext db, Post post, Actor actor)
    {
        if (post.Targets.Count == 0 || post.Targets[0].State != TargetState.InReview)
        {
            return false;
        }

        db.PostReviews.Add(new PostReview { Post = post, UserId = actor.UserId, UserName = actor.Name, Decision = ReviewDecision.Submitted, AtUtc = post.CreatedUtc });
        return true;
    }

    /// <summary>Adds a "submitted" entry for an existing post whose edit sent it (back) to review.</summary>
    public static void RecordEdit(OcmaDbContext db, int postId, Actor actor, DateTime atUtc) =>
        db.PostReviews.Add(new PostReview { PostId = postId, UserId = actor.UserId, UserName = actor.Name, Decision = ReviewDecision.Submitted, AtUtc = atUtc });
}
