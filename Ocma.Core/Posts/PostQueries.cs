using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;

namespace Ocma.Core.Posts;

/// <summary>Read-only views of posts and their targets.</summary>
public sealed class PostQueries(IDbContextFactory<OcmaDbContext> dbFactory)
{
    /// <summary>Most recently changed targets first.</summary>
    public async Task<IReadOnlyList<TargetView>> RecentAsync(int brandId, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db.PostTargets.Where(t => t.Post!.BrandId == brandId).OrderByDescending(t => t.StateChangedUtc).ThenByDescending(t => t.Id).Take(take))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Targets due (or published) between two instants, for the calendar.</summary>
    public async Task<IReadOnlyList<TargetView>> BetweenAsync(int brandId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db.PostTargets.Where(t => t.Post!.BrandId == brandId && t.DueUtc >= fromUtc && t.DueUtc < toUtc).OrderBy(t => t.DueUtc))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every target of the brand, by due time (drafts without one last), for the exports.</summary>
    public async Task<IReadOnlyList<TargetView>> AllAsync(int brandId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db.PostTargets.Where(t => t.Post!.BrandId == brandId).OrderBy(t => t.DueUtc == null).ThenBy(t => t.DueUtc).ThenBy(t => t.Id))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The targets with these ids as lists show them (any brand): the live feed's one query per change batch.</summary>
    public async Task<IReadOnlyList<TargetView>> ByIdsAsync(IReadOnlyCollection<int> targetIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db.PostTargets.AsNoTracking().Where(t => targetIds.Contains(t.Id))).ToListAsync(cancellationToken);
    }

    public async Task<TargetView?> FindAsync(int targetId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db.PostTargets.Where(t => t.Id == targetId)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The brand's posts whose every channel is still a draft, last saved first, for the composer's list of drafts.</summary>
    public async Task<IReadOnlyList<DraftSummary>> DraftsAsync(int brandId, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Posts.AsNoTracking()
            .Where(p => p.BrandId == brandId && p.Targets.Any() && p.Targets.All(t => t.State == TargetState.Draft))
            .OrderByDescending(p => p.UpdatedUtc).ThenByDescending(p => p.Id).Take(take)
            .Select(p => new DraftSummary(p.Id, p.Text, p.UpdatedUtc, p.Targets.Count))
            .ToListAsync(cancellationToken);
    }

    /// <summary>How many targets are in each state, for the dashboard.</summary>
    /// <summary>The brand's campaign labels in use, for the composer's suggestions and the calendar's filter.</summary>
    public async Task<IReadOnlyList<string>> CampaignsAsync(int brandId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Posts.AsNoTracking().Where(p => p.BrandId == brandId && p.Campaign != null)
            .Select(p => p.Campaign!).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<TargetState, int>> CountByStateAsync(int brandId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.PostTargets.Where(t => t.Post!.BrandId == brandId).GroupBy(t => t.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Key, r => r.Count);
    }

    internal static IQueryable<TargetView> Project(IQueryable<PostTarget> targets) => targets.Select(t => new TargetView(
        t.Id,
        t.PostId,
        t.VariantText ?? t.Post!.Text,
        t.ChannelId,
        (t.Channel!.Handle ?? t.Channel.DisplayName) + " · " + t.Channel.PlatformKey,
        t.Channel.PlatformKey,
        t.State,
        t.DueUtc,
        t.PublishedUtc,
        t.PlatformUrl,
        t.LastError,
        t.NextAttemptUtc,
        t.AttemptCount,
        t.Post!.AuthorName,
        t.IdempotencyKey,
        t.Post.Campaign,
        t.Post.BrandId));
}

/// <summary>A post still in draft on every channel.</summary>
public sealed record DraftSummary(int PostId, string Text, DateTime UpdatedUtc, int ChannelCount);
