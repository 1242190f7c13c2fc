using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Data;
using Ocma.Core.Live;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;

namespace Ocma.Core.Calendar;

/// <summary>
/// Moves one target to another time from the calendar, with the rules compose uses: the wall-clock time is read in
/// the brand's zone, a time the clocks skip is refused, the past is refused, and only targets not yet handed to
/// the platform move. The move is conditional on the state it was checked in, so a dispatcher that claims the
/// target at the same moment wins and the move is refused.
/// </summary>
public sealed class RescheduleService(
    IDbContextFactory<OcmaDbContext> dbFactory,
    DispatchTrigger dispatch,
    AuditLog audit,
    LiveStatus live,
    TimeProvider time)
{
    private static readonly TargetState[] Movable = [TargetState.Draft, TargetState.InReview, TargetState.Approved, TargetState.Scheduled];

    /// <summary>Moves the target to <paramref name="localDue"/>, a wall-clock time in the brand's zone. Returns the new UTC due time.</summary>
    public Task<Result<DateTime>> MoveAsync(int targetId, DateTime localDue, Actor actor, CancellationToken cancellationToken) =>
        MoveCoreAsync(targetId, _ => localDue, actor, cancellationToken);

    /// <summary>Moves the target to another day, keeping its time of day in the brand's zone (a drop on a month-view day).</summary>
    public Task<Result<DateTime>> MoveToDayAsync(int targetId, DateOnly day, Actor actor, CancellationToken cancellationToken) =>
        MoveCoreAsync(targetId, currentLocal => day.ToDateTime(TimeOnly.FromDateTime(currentLocal ?? day.ToDateTime(TimeOnly.MinValue))), actor, cancellationToken);

    private async Task<Result<DateTime>> MoveCoreAsync(int targetId, Func<DateTime?, DateTime> newLocal, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.CanCompose || actor.UserId is null)
        {
            return Result.Fail<DateTime>("Your role cannot reschedule posts. Ask an Admin for the Contributor or Editor role.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.PostTargets.AsNoTracking().Where(t => t.Id == targetId)
            .Select(t => new { t.Id, t.PostId, t.ChannelId, t.State, t.DueUtc, ZoneId = db.Brands.Where(b => b.Id == t.Post!.BrandId).Select(b => b.TimeZoneId).First() })
            .SingleOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return Result.Fail<DateTime>("That post no longer exists. Reload the calendar.");
        }

        if (!Movable.Contains(target.State))
        {
            return Result.Fail<DateTime>($"This post is {target.State} ({Describe(target.State)}), so it cannot be moved. Only drafts and scheduled posts can be rescheduled.");
        }

        var local = newLocal(target.DueUtc is DateTime due ? ZoneClock.ToWallClock(due, target.ZoneId) : null);
        var utc = ZoneClock.ToUtc(local, target.ZoneId);
        if (!utc.Succeeded)
        {
            return utc;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (utc.Value <= now)
        {
            return Result.Fail<DateTime>($"{local:yyyy-MM-dd HH:mm} ({target.ZoneId}) is in the past. Drop it on a later time.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.PostTargets.Where(t => t.Id == targetId && t.State == target.State)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.DueUtc, utc.Value).SetProperty(t => t.PlannedTimeZoneId, target.ZoneId), cancellationToken);
        if (moved == 0)
        {
            return Result.Fail<DateTime>("The post changed while you were moving it (it may be publishing now). Reload the calendar and look again.");
        }

        audit.Add(db, actor, "post.rescheduled", $"post {target.PostId} target {target.Id}",
            $"due {target.DueUtc:yyyy-MM-dd HH:mm} UTC → {utc.Value:yyyy-MM-dd HH:mm} UTC ({local:yyyy-MM-dd HH:mm} {target.ZoneId})");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await live.PublishAsync(new TargetStateChanged(target.PostId, target.Id, target.ChannelId, target.State, null, null));
        if (target.State == TargetState.Scheduled)
        {
            await dispatch.ArmAsync(utc.Value, cancellationToken);
        }

        return utc.Value;
    }

    private static string Describe(TargetState state) => state switch
    {
        TargetState.Publishing => "it is being sent right now",
        TargetState.Published => "it is already on the platform",
        TargetState.Retrying => "the publisher is retrying after a failed attempt",
        TargetState.NeedsAttention => "a person must decide what happened to it first",
        TargetState.Failed => "retry it from Dead letters instead",
        _ => "it will not be sent",
    };
}
