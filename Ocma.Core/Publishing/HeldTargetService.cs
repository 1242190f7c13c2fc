using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Connectors;
using Ocma.Core.Data;
using Ocma.Core.Live;
using Ocma.Core.Posts;

namespace Ocma.Core.Publishing;

/// <summary>
/// Targets held because the channel's access was revoked wait in NeedsAttention until the channel is reconnected;
/// then they go back to Scheduled on their own. Only AuthRevoked holds resume: the platform refused those before
/// anything was posted. Targets a person must decide about for other reasons (an unknown outcome) stay put.
/// </summary>
public sealed class HeldTargetService(
    IDbContextFactory<OcmaDbContext> dbFactory,
    DispatchTrigger dispatch,
    AuditLog audit,
    LiveStatus live,
    TimeProvider time)
{
    private static readonly Expression<Func<PostTarget, bool>> IsHeld = t =>
        t.State == TargetState.NeedsAttention && t.LastFailureKind == FailureKind.AuthRevoked && t.PublishedUtc == null;

    /// <summary>Reschedules the channels' held targets: due now when their time has passed, at their own time otherwise.</summary>
    public async Task<int> ResumeAfterReconnectAsync(IReadOnlyCollection<int> channelIds, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var held = await db.PostTargets.AsNoTracking()
            .Where(IsHeld).Where(t => channelIds.Contains(t.ChannelId))
            .Select(t => new { t.Id, t.PostId, t.ChannelId, t.DueUtc })
            .ToListAsync(cancellationToken);
        if (held.Count == 0)
        {
            return 0;
        }

        var resumed = new List<(int Id, int PostId, int ChannelId, DateTime Due)>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var target in held)
            {
                var due = target.DueUtc is DateTime planned && planned > now ? planned : now;

                // Conditional on still being held: a person who retried or drafted it meanwhile wins.
                var moved = await db.PostTargets.Where(IsHeld).Where(t => t.Id == target.Id)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(t => t.State, TargetState.Scheduled)
                        .SetProperty(t => t.DueUtc, due)
                        .SetProperty(t => t.NextAttemptUtc, (DateTime?)null)
                        .SetProperty(t => t.LastError, (string?)null)
                        .SetProperty(t => t.StateChangedUtc, now), cancellationToken);
                if (moved == 1)
                {
                    audit.Add(db, actor, "target.resumed", $"post {target.PostId} target {target.Id}", "The channel was reconnected; the held post is scheduled again.");
                    resumed.Add((target.Id, target.PostId, target.ChannelId, due));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var target in resumed)
        {
            await live.PublishAsync(new TargetStateChanged(target.PostId, target.Id, target.ChannelId, TargetState.Scheduled, null, null));
        }

        if (resumed.Count > 0)
        {
            await dispatch.ArmAsync(resumed.Min(t => t.Due), cancellationToken);
        }

        return resumed.Count;
    }
}
