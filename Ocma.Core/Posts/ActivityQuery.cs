using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;

namespace Ocma.Core.Posts;

/// <summary>One page of the Activity list, searched, filtered and sorted in the database so the list can grow without limit.</summary>
public sealed class ActivityQuery(IDbContextFactory<OcmaDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    public async Task<ActivityRows> PageAsync(int brandId, ActivityFilter filter, ActivitySort sort, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var targets = db.PostTargets.AsNoTracking().Where(t => t.Post!.BrandId == brandId);
        if (filter.State is TargetState state)
        {
            targets = targets.Where(t => t.State == state);
        }

        if (filter.ChannelId is int channelId)
        {
            targets = targets.Where(t => t.ChannelId == channelId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = $"%{filter.Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            targets = targets.Where(t => EF.Functions.Like(t.VariantText ?? t.Post!.Text, pattern, "\\") || EF.Functions.Like(t.Post!.AuthorName, pattern, "\\"));
        }

        var total = await targets.CountAsync(cancellationToken);
        var page = await PostQueries.Project(Sorted(targets, sort)).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize)).ToListAsync(cancellationToken);
        return new ActivityRows(page, total);
    }

    private static IQueryable<PostTarget> Sorted(IQueryable<PostTarget> targets, ActivitySort sort) => (sort.By, sort.Descending) switch
    {
        (ActivitySortBy.Due, false) => targets.OrderBy(t => t.DueUtc == null).ThenBy(t => t.DueUtc).ThenBy(t => t.Id),
        (ActivitySortBy.Due, true) => targets.OrderBy(t => t.DueUtc == null).ThenByDescending(t => t.DueUtc).ThenByDescending(t => t.Id),
        (ActivitySortBy.Channel, false) => targets.OrderBy(t => t.Channel!.Handle ?? t.Channel.DisplayName).ThenByDescending(t => t.Id),
        (ActivitySortBy.Channel, true) => targets.OrderByDescending(t => t.Channel!.Handle ?? t.Channel.DisplayName).ThenByDescending(t => t.Id),
        (ActivitySortBy.State, false) => targets.OrderBy(t => t.State).ThenByDescending(t => t.Id),
        (ActivitySortBy.State, true) => targets.OrderByDescending(t => t.State).ThenByDescending(t => t.Id),
        (ActivitySortBy.Author, false) => targets.OrderBy(t => t.Post!.AuthorName).ThenByDescending(t => t.Id),
        (ActivitySortBy.Author, true) => targets.OrderByDescending(t => t.Post!.AuthorName).ThenByDescending(t => t.Id),
        (_, false) => targets.OrderBy(t => t.StateChangedUtc).ThenBy(t => t.Id),
        _ => targets.OrderByDescending(t => t.StateChangedUtc).ThenByDescending(t => t.Id),
    };
}

/// <summary>What the Activity list is narrowed to: words in the text or author, one state, one channel.</summary>
public sealed record ActivityFilter(string? Search = null, TargetState? State = null, int? ChannelId = null);

public enum ActivitySortBy
{
    /// <summary>When the state last changed: the default, newest first.</summary>
    Changed,
    Due,
    Channel,
    State,
    Author,
}

public sealed record ActivitySort(ActivitySortBy By = ActivitySortBy.Changed, bool Descending = true);

public sealed record ActivityRows(IReadOnlyList<TargetView> Rows, int Total);
