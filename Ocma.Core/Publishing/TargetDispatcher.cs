using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ocma.Core.Data;
using Ocma.Core.Live;
using Ocma.Core.Posts;

namespace Ocma.Core.Publishing;

/// <summary>
/// Claims due targets with one conditional update per batch (Scheduled/Retrying → Publishing, stamped with a
/// claim id), hands them to the workers, and re-arms the dispatch trigger at the next due time.
/// </summary>
public sealed class TargetDispatcher(
    IDbContextFactory<OcmaDbContext> dbFactory,
    PublishQueue queue,
    DispatchTrigger trigger,
    LiveStatus live,
    Storage.StorageStatus storage,
    IOptions<PublishingOptions> options,
    TimeProvider time,
    ILogger<TargetDispatcher> logger)
{
    public async Task DispatchDueAsync(CancellationToken cancellationToken)
    {
        if (storage.Pause is not null)
        {
            return; // nothing is claimed while Ocma cannot store what it does; StorageWatch dispatches again on resume
        }

        var armsSeen = trigger.ArmsSoFar; // before reading the tables: a post saved after this read re-arms, and that arm must survive the reset below
        int claimed;
        do
        {
            claimed = await ClaimBatchAsync(cancellationToken);
        }
        while (claimed == options.Value.ClaimBatchSize);

        await trigger.ResetAsync(await NextDueAsync(cancellationToken), armsSeen, cancellationToken);
    }

    /// <summary>The earliest instant any target becomes due, or null when nothing waits.</summary>
    public async Task<DateTime?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scheduled = await db.PostTargets.Where(t => t.State == TargetState.Scheduled).MinAsync(t => t.DueUtc, cancellationToken);
        var retrying = await db.PostTargets.Where(t => t.State == TargetState.Retrying).MinAsync(t => t.NextAttemptUtc, cancellationToken);
        return (scheduled, retrying) switch
        {
            (null, null) => null,
            (DateTime s, null) => s,
            (null, DateTime r) => r,
            (DateTime s, DateTime r) => s < r ? s : r,
        };
    }

    private async Task<int> ClaimBatchAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claimId = Guid.NewGuid();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.PostTargets
            .Where(t => (t.State == TargetState.Scheduled && t.DueUtc <= now) || (t.State == TargetState.Retrying && t.NextAttemptUtc <= now))
            .OrderBy(t => t.DueUtc)
            .Select(t => t.Id)
            .Take(options.Value.ClaimBatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        // Compare-and-set: only a target still Scheduled/Retrying is taken, so one claimed meanwhile by another dispatcher
        // is not taken twice. The claim is announced to the queue first, so the sweep never mistakes it for an orphan.
        queue.BeginClaiming(claimId);
        try
        {
            await db.PostTargets
                .Where(t => due.Contains(t.Id) && (t.State == TargetState.Scheduled || t.State == TargetState.Retrying))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.State, TargetState.Publishing)
                    .SetProperty(t => t.ClaimId, claimId)
                    .SetProperty(t => t.StateChangedUtc, now), cancellationToken);
            var mine = await db.PostTargets.Where(t => t.ClaimId == claimId)
                .Select(t => new { t.Id, t.PostId, t.ChannelId }).ToListAsync(cancellationToken);
            logger.LogInformation("Claimed {Count} due targets", mine.Count);
            foreach (var target in mine.Where(t => queue.TryEnqueue(t.Id, claimId)))
            {
                await live.PublishAsync(new TargetStateChanged(target.PostId, target.Id, target.ChannelId, TargetState.Publishing, null, null));
            }
        }
        finally
        {
            queue.EndClaiming(claimId);
        }

        return due.Count;
    }
}
