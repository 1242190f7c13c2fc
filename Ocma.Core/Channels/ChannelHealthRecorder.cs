using Microsoft.EntityFrameworkCore;
using Ocma.Core.Connectors;
using Ocma.Core.Data;
using Ocma.Core.Live;

namespace Ocma.Core.Channels;

/// <summary>
/// Keeps a channel's health snapshot true to the last real outcome — a probe, a publish, or the platform refusing the
/// channel's access — so it never says "Healthy" through an outage, after a refusal, or beside "Needs reconnect".
/// </summary>
public sealed class ChannelHealthRecorder(IDbContextFactory<OcmaDbContext> dbFactory, LiveStatus live, TimeProvider time)
{
    /// <summary>What a probe found (<paramref name="elapsed"/>: how long it took when it failed).</summary>
    public Task<ChannelHealth> RecordProbeAsync(int channelId, ConnectorResult<HealthReport> report, TimeSpan elapsed, CancellationToken cancellationToken) =>
        UpdateAsync(channelId, health =>
        {
            health.LatencyMs = (int)(report.Succeeded ? report.Value.Latency : elapsed).TotalMilliseconds;
            health.MissingScopes = report.Succeeded && report.Value.MissingScopes.Count > 0 ? string.Join(' ', report.Value.MissingScopes) : null;
            health.RateLimitRemaining = report.Succeeded ? report.Value.RateLimitRemaining : null;
            health.RateLimitResetUtc = report.Succeeded ? report.Value.RateLimitResetUtc : null;
            Outcome(health, report.Failure);
        }, cancellationToken);

    /// <summary>
    /// What a send to the channel found. A success shows the channel works; a failure counts only when it is the
    /// channel's (unreachable, erroring, access refused), not the post's (content refused, a rate limit).
    /// </summary>
    public async Task RecordPublishAsync(int channelId, ConnectorFailure? failure, CancellationToken cancellationToken)
    {
        if (failure is null || failure.Kind is FailureKind.Transient or FailureKind.Unavailable or FailureKind.OutcomeUnknown or FailureKind.AuthRevoked)
        {
            await UpdateAsync(channelId, health => Outcome(health, failure), cancellationToken);
        }
    }

    /// <summary>The channel's access was refused for good: it is not healthy until it is reconnected.</summary>
    public Task RecordNeedsReconnectAsync(int channelId, string reason, CancellationToken cancellationToken) =>
        UpdateAsync(channelId, health => Outcome(health, new ConnectorFailure(FailureKind.AuthRevoked, reason)), cancellationToken);

    private void Outcome(ChannelHealth health, ConnectorFailure? failure)
    {
        var now = time.GetUtcNow().UtcDateTime;
        health.CheckedUtc = now;
        health.Healthy = failure is null && health.MissingScopes is null;
        health.Problem = failure?.Message ?? (health.MissingScopes is null ? null : $"The grant lacks {health.MissingScopes}: reconnect and allow them.");
        if (failure is null)
        {
            health.LastSuccessUtc = now;
        }
    }

    private async Task<ChannelHealth> UpdateAsync(int channelId, Action<ChannelHealth> change, CancellationToken cancellationToken)
    {
        try
        {
            return await UpdateOnceAsync(channelId, change, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two outcomes raced to write the channel's first snapshot; the other one's row exists now.
            return await UpdateOnceAsync(channelId, change, cancellationToken);
        }
    }

    private async Task<ChannelHealth> UpdateOnceAsync(int channelId, Action<ChannelHealth> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var health = await db.ChannelHealth.SingleOrDefaultAsync(h => h.ChannelId == channelId, cancellationToken);
        if (health is null)
        {
            health = new ChannelHealth { ChannelId = channelId };
            db.ChannelHealth.Add(health);
        }

        var (wasHealthy, wasProblem) = (health.Healthy, health.Problem);
        change(health);
        await db.SaveChangesAsync(cancellationToken);
        if (health.Healthy != wasHealthy || health.Problem != wasProblem)
        {
            var status = await db.Channels.Where(c => c.Id == channelId).Select(c => c.Status).SingleAsync(cancellationToken);
            await live.PublishAsync(new ChannelStatusChanged(channelId, status, health.Problem));
        }

        return health;
    }
}
