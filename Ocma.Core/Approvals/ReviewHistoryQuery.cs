using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;

namespace Ocma.Core.Approvals;

/// <summary>Reads posts' review histories.</summary>
public sealed class ReviewHistoryQuery(IDbContextFactory<OcmaDbContext> dbFactory)
{
    /// <summary>Every review step of the post, oldest first.</summary>
    public async Task<IReadOnlyList<PostReview>> ForPostAsync(int postId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PostReviews.AsNoTracking().Where(r => r.PostId == postId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The latest review step of each of the posts that has one, keyed by post id.</summary>
    public async Task<IReadOnlyDictionary<int, PostReview>> LatestAsync(IReadOnlyCollection<int> postIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var latestIds = db.PostReviews.Where(r => postIds.Contains(r.PostId)).GroupBy(r => r.PostId).Select(g => g.Max(r => r.Id));
        return await db.PostReviews.AsNoTracking().Where(r => latestIds.Contains(r.Id)).ToDictionaryAsync(r => r.PostId, cancellationToken);
    }
}
