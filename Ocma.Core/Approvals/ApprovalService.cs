using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Calendar;
using Ocma.Core.Data;
using Ocma.Core.Live;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;

namespace Ocma.Core.Approvals;

/// <summary>
/// An Editor's or Admin's decision about a post waiting in review. Each decision is one conditional update from InReview,
/// so when two people decide at once one wins and the other is told who decided first.
/// </summary>
public sealed class ApprovalService(
    IDbContextFactory<OcmaDbContext> dbFactory,
    DispatchTrigger dispatch,
    AuditLog audit,
    LiveStatus live,
    TimeProvider time)
{
    /// <summary>
    /// Approves the post: its targets are scheduled for their due time (or now, for "publish now" submissions).
    /// A post whose time has passed needs <paramref name="newLocalDueTime"/> (wall-clock time in the brand's zone).
    /// </summary>
    public async Task<Result<ReviewOutcome>> ApproveAsync(int postId, DateTime? newLocalDueTime, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var post = await FindAsync(db, postId, cancellationToken);
        if (post is null)
        {
            return Result.Fail<ReviewOutcome>("That post no longer exists.");
        }

        if (ApprovalRules.DecisionRefusal(actor, post.AuthorId) is string refusal)
        {
            return Result.Fail<ReviewOutcome>(refusal);
        }

        DateTime? newDue = null;
        if (newLocalDueTime is DateTime local)
        {
            var utc = ZoneClock.ToUtc(local, post.ZoneId);
            if (!utc.Succeeded)
            {
                return Result.Fail<ReviewOutcome>(utc.Error!);
            }

            if (utc.Value <= now)
            {
                return Result.Fail<ReviewOutcome>($"{local:yyyy-MM-dd HH:mm} ({post.ZoneId}) is in the past. Pick a later time to approve it for.");
            }

            newDue = utc.Value;
        }
        else if (post.EarliestDueUtc is DateTime due && due <= now)
        {
            return Result.Fail<ReviewOutcome>(ApprovalRules.MissedItsTimeText(due, post.ZoneId) + ". Pick a new time to approve it for: a post is never sent late without someone choosing the time.");
        }

        return await DecideAsync(db, post, ReviewDecision.Approved, null, actor, TargetState.Scheduled, newDue ?? post.EarliestDueUtc ?? now, newDue, cancellationToken);
    }

    /// <summary>Sends the post back to its author as a draft, with the reviewer's comment saying what to change.</summary>
    public async Task<Result<ReviewOutcome>> RejectAsync(int postId, string? comment, Actor actor, CancellationToken cancellationToken)
    {
        comment = comment?.Trim();
        if (string.IsNullOrEmpty(comment))
        {
            return Result.Fail<ReviewOutcome>("Write a comment for the author saying what to change: a rejection needs one.");
        }

        if (comment.Length > PostReviewConfiguration.MaxCommentLength)
        {
            return Result.Fail<ReviewOutcome>($"The comment is too long ({comment.Length:N0} characters; at most {PostReviewConfiguration.MaxCommentLength:N0}).");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var post = await FindAsync(db, postId, cancellationToken);
        if (post is null)
        {
            return Result.Fail<ReviewOutcome>("That post no longer exists.");
        }

        return ApprovalRules.DecisionRefusal(actor, post.AuthorId) is string refusal
            ? Result.Fail<ReviewOutcome>(refusal)
            : await DecideAsync(db, post, ReviewDecision.Rejected, comment, actor, TargetState.Draft, null, null, cancellationToken);
    }

    private static async Task<PendingPost?> FindAsync(OcmaDbContext db, int postId, CancellationToken cancellationToken) =>
        await db.Posts.AsNoTracking().Where(p => p.Id == postId)
            .Select(p => new PendingPost(
                p.Id,
                p.AuthorId,
                db.Brands.Where(b => b.Id == p.BrandId).Select(b => b.TimeZoneId).First(),
                p.Targets.Where(t => t.State == TargetState.InReview).Min(t => t.DueUtc)))
            .SingleOrDefaultAsync(cancellationToken);

    private async Task<Result<ReviewOutcome>> DecideAsync(
        OcmaDbContext db, PendingPost post, ReviewDecision decision, string? comment, Actor actor, TargetState to, DateTime? armAt, DateTime? newDue, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<(int Id, int ChannelId)> moved;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The condition is the decision: only targets still waiting in review move, so a second reviewer moves none.
            var count = await db.PostTargets.Where(t => t.PostId == post.Id && t.State == TargetState.InReview)
                .ExecuteUpdateAsync(
                    s =>
                    {
                        s.SetProperty(t => t.State, to).SetProperty(t => t.StateChangedUtc, now);
                        if (to == TargetState.Scheduled)
                        {
                            s.SetProperty(t => t.DueUtc, t => newDue ?? t.DueUtc ?? now);
                        }
                    },
                    cancellationToken);
            if (count == 0)
            {
                return Result.Fail<ReviewOutcome>(await AlreadyDecidedAsync(db, post, cancellationToken));
            }

            moved = (await db.PostTargets.AsNoTracking().Where(t => t.PostId == post.Id && t.State == to && t.StateChangedUtc == now)
                .Select(t => new { t.Id, t.ChannelId }).ToListAsync(cancellationToken)).Select(t => (t.Id, t.ChannelId)).ToList();
            db.PostReviews.Add(new PostReview { PostId = post.Id, UserId = actor.UserId, UserName = actor.Name, Decision = decision, Comment = comment, AtUtc = now });
            audit.Add(db, actor, decision == ReviewDecision.Approved ? "post.approved" : "post.rejected", $"post {post.Id}", Describe(decision, comment, newDue, post.ZoneId, count));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var (id, channelId) in moved)
        {
            await live.PublishAsync(new TargetStateChanged(post.Id, id, channelId, to, comment, null));
        }

        if (armAt is DateTime fireAt)
        {
            await dispatch.ArmAsync(fireAt, cancellationToken);
        }

        return new ReviewOutcome(post.Id, decision, moved.Count);
    }

    private static async Task<string> AlreadyDecidedAsync(OcmaDbContext db, PendingPost post, CancellationToken cancellationToken)
    {
        var last = await db.PostReviews.AsNoTracking().Where(r => r.PostId == post.Id && r.Decision != ReviewDecision.Submitted)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return last is null
            ? "This post is not waiting for review any more (it may have been changed or cancelled). Reload to see where it stands."
            : $"{last.UserName} already {(last.Decision == ReviewDecision.Approved ? "approved" : "rejected")} this post at {ZoneClock.ToWallClock(last.AtUtc, post.ZoneId):HH:mm:ss}. Reload to see where it stands.";
    }

    private static string Describe(ReviewDecision decision, string? comment, DateTime? newDue, string zoneId, int targets) => decision == ReviewDecision.Rejected
        ? $"Rejected ({targets} channel(s)): {comment}"
        : newDue is DateTime due ? $"Approved {targets} channel(s) for a new time, {ZoneClock.ToWallClock(due, zoneId):yyyy-MM-dd HH:mm} ({zoneId})." : $"Approved {targets} channel(s).";

    private sealed record PendingPost(int Id, string AuthorId, string ZoneId, DateTime? EarliestDueUtc);
}

/// <summary>What a review decision did.</summary>
public sealed record ReviewOutcome(int PostId, ReviewDecision Decision, int Channels);
