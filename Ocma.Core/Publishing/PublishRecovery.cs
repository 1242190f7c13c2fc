using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ocma.Core.Data;
using Ocma.Core.Posts;

namespace Ocma.Core.Publishing;

/// <summary>
/// The safety net: targets left in Publishing by a crash are handed to a worker again (which reconciles any
/// send whose answer was lost before sending anything), and the dispatch trigger is re-armed from the post
/// tables, so a lost trigger never loses a post.
/// </summary>
public sealed class PublishRecovery(
    IDbContextFactory<OcmaDbContext> dbFactory,
    PublishQueue queue,
    TargetDispatcher dispatcher,
    DispatchTrigger trigger,
    IOptions<PublishingOptions> options,
    TimeProvider time,
    ILogger<PublishRecovery> logger)
{
    private bool _startedUp;

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        // At start-up no claim of an earlier process can still be alive; later, only a claim older than OrphanAfter is.
        // Either way a claim this process holds (or is writing) is never taken.
        var now = time.GetUtcNow().UtcDateTime;
        var orphanBefore = _startedUp ? now - options.Value.OrphanAfter : DateTime.MaxValue;
        _startedUp = true;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stuck = await db.PostTargets.Where(t => t.State == TargetState.Publishing && t.StateChangedUtc < orphanBefore)
            .Select(t => new { t.Id, t.ClaimId }).ToListAsync(cancellationToken);
        var recovered = 0;
        foreach (var orphan in stuck.Where(t => !queue.Holds(t.Id, t.ClaimId)))
        {
            // Compare-and-set on the stale claim: of two sweeps racing for one orphan, exactly one takes it.
            var claimId = Guid.NewGuid();
            queue.BeginClaiming(claimId);
            try
            {
                var taken = await db.PostTargets.Where(t => t.Id == orphan.Id && t.State == TargetState.Publishing && t.ClaimId == orphan.ClaimId)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimId, claimId).SetProperty(t => t.StateChangedUtc, now), cancellationToken);
                if (taken == 1 && queue.TryEnqueue(orphan.Id, claimId))
                {
                    recovered++;
                }
            }
            finally
            {
                queue.EndClaiming(claimId);
            }
        }

        if (recovered > 0)
        {
            logger.LogWarning("Recovered {Count} targets left in Publishing", recovered);
        }

        if (await dispatcher.NextDueAsync(cancellationToken) is DateTime next)
        {
            await trigger.ArmAsync(next, cancellationToken);
        }
    }
}
