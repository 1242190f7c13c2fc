using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;
using Ocma.Core.Posts;

namespace Ocma.Core.Approvals;

/// <summary>The posts of a brand waiting for an Editor's decision, oldest due first.</summary>
public sealed class ReviewQueueQuery(IDbContextFactory<OcmaDbContext> dbFactory, TimeProvider time)
{
    public async Task<IReadOnlyList<ReviewItem>> ListAsync(int brandId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.PostTargets.AsNoTracking()
            .Where(t => t.Post!.BrandId == brandId && t.State == TargetState.InReview)
            .OrderBy(t => t.PostId).ThenBy(t => t.Id)
            .Select(t => new
            {
                t.PostId,
                t.Post!.Text,
                t.Post.AuthorId,
                t.Post.AuthorName,
                t.DueUtc,
                Channel = (t.Channel!.Handle ?? t.Channel.DisplayName) + " · " + t.Channel.PlatformKey,
                t.VariantText,
                SubmittedUtc = db.PostReviews.Where(r => r.PostId == t.PostId && r.Decision == ReviewDecision.Submitted).Max(r => (DateTime?)r.AtUtc),
            })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return rows.GroupBy(r => r.PostId).Select(g =>
            {
                var first = g.First();
                var due = g.Min(r => r.DueUtc);
                return new ReviewItem(
                    g.Key,
                    first.Text,
                    first.AuthorId,
                    first.AuthorName,
                    first.SubmittedUtc,
                    due,
                    ApprovalRules.MissedItsTime(TargetState.InReview, due, now),
                    g.Select(r => new ReviewChannel(r.Channel, r.VariantText)).ToList());
            })
            .OrderBy(i => i.DueUtc ?? DateTime.MinValue).ThenBy(i => i.PostId).ToList();
    }

    /// <summary>How many posts wait for a decision, for the navigation badge.</summary>
    public async Task<int> CountAsync(int brandId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PostTargets.Where(t => t.Post!.BrandId == brandId && t.State == TargetState.InReview)
            .Select(t => t.PostId).Distinct().CountAsync(cancellationToken);
    }
}

/// <summary>One post in the review queue. <paramref name="DueUtc"/> null means "as soon as approved".</summary>
public sealed record ReviewItem(
    int PostId,
    string Text,
    string AuthorId,
    string AuthorName,
    DateTime? SubmittedUtc,
    DateTime? DueUtc,
    bool MissedItsTime,
    IReadOnlyList<ReviewChannel> Channels);

/// <summary>A channel the post goes to, with its own copy when one was written.</summary>
public sealed record ReviewChannel(string Label, string? VariantText);
