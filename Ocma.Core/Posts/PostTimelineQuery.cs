using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;

namespace Ocma.Core.Posts;

/// <summary>Reads one post, its targets and their attempt ledgers for the post timeline.</summary>
public sealed class PostTimelineQuery(IDbContextFactory<OcmaDbContext> dbFactory)
{
    /// <summary>The post's timeline, or null when there is no such post.</summary>
    public async Task<PostTimeline?> FindAsync(int postId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var post = await db.Posts.AsNoTracking().Where(p => p.Id == postId)
            .Select(p => new { p.Id, p.Text, p.Notes, p.Campaign, p.AuthorName, p.CreatedUtc, Zone = db.Brands.Where(b => b.Id == p.BrandId).Select(b => b.TimeZoneId).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (post is null)
        {
            return null;
        }

        var targets = await db.PostTargets.AsNoTracking().Where(t => t.PostId == postId).OrderBy(t => t.Id)
            .Select(t => new
            {
                t.Id,
                Channel = (t.Channel!.Handle ?? t.Channel.DisplayName) + " · " + t.Channel.PlatformKey,
                t.State,
                t.DueUtc,
                t.PublishedUtc,
                t.PlatformUrl,
                t.LastError,
                t.NextAttemptUtc,
                t.VariantText,
            })
            .ToListAsync(cancellationToken);
        var targetIds = targets.Select(t => t.Id).ToList();
        var attempts = await db.PublishAttempts.AsNoTracking().Where(a => targetIds.Contains(a.TargetId))
            .OrderBy(a => a.TargetId).ThenBy(a => a.Number).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var ledgers = attempts.ToLookup(a => a.TargetId, a => new AttemptEntry(
            a.Number, a.StartedUtc, a.FinishedUtc, a.Outcome, a.FailureKind, a.PlatformCode, a.Message, a.RetryAfterUtc));

        return new PostTimeline(
            post.Id,
            post.Text,
            post.AuthorName,
            post.CreatedUtc,
            post.Zone ?? Brands.BrandService.DefaultTimeZone,
            targets.Select(t => new TargetTimeline(t.Id, t.Channel, t.State, t.DueUtc, t.PublishedUtc, t.PlatformUrl, t.LastError, t.NextAttemptUtc, ledgers[t.Id].ToList(), t.VariantText ?? post.Text, t.VariantText is not null)).ToList(),
            post.Notes,
            post.Campaign);
    }
}
