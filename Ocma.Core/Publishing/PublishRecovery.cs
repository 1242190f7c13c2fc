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
        // At start-up nothing can be in flight in this process, so every Publishing target is an orphan.
        var orphanBefore = _startedUp ? time.GetUtcNow().UtcDateTime - options.Value.OrphanAfter : DateTime.MaxValue;
        _startedUp = true;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stuck = await db.PostTargets.Where(t => t.State == TargetState.Publishing && t.StateChangedUtc < orphanBefore)
            .Select(t => t.Id).ToListAsync(cancellationToken);
        var orphans = stuck.Where(id => !queue.Owns(id)).ToList();
        if (orphans.Count > 0)
        {
            logger.LogWarning("Recovering {Count} targets left in Publishing", orphans.Count);
            foreach (var id in orphans)
            {
                queue.Enqueue(id);
            }
        }

        if (await dispatcher.NextDueAsync(cancellationToken) is DateTime next)
        {
            await trigger.ArmAsync(next, cancellationToken);
        }
    }
}
