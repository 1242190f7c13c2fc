using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Connectors;
using Ocma.Core.Data;
using Ocma.Core.Live;

namespace Ocma.Core.Channels;

/// <summary>Probes connected channels (every 15 minutes, or on request) and records latency, scopes and rate-limit budget.</summary>
public sealed class ChannelHealthService(
    IDbContextFactory<OcmaDbContext> dbFactory,
    ConnectorRegistry connectors,
    CredentialsService credentials,
    LiveStatus live,
    TimeProvider time)
{
    public async Task ProbeAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.Channels.Where(c => c.Status == ChannelStatus.Active).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            await ProbeAsync(id, cancellationToken);
        }
    }

    public async Task<ChannelHealth?> ProbeAsync(int channelId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        if (channel is null || channel.Status != ChannelStatus.Active || connectors.Find(channel.PlatformKey) is not { } connector)
        {
            return null;
        }

        var started = Stopwatch.GetTimestamp();
        var grant = await credentials.GetUsableAsync(channel, connector, cancellationToken);
        var report = grant.Succeeded
            ? await connector.ProbeHealthAsync(grant.Value, cancellationToken)
            : ConnectorResult<HealthReport>.Fail(grant.Failure!);
        if (report.Failure?.Kind == FailureKind.AuthRevoked)
        {
            await credentials.MarkNeedsReconnectAsync(channelId, report.Failure.Message, cancellationToken);
        }

        var health = await db.ChannelHealth.SingleOrDefaultAsync(h => h.ChannelId == channelId, cancellationToken);
        if (health is null)
        {
            health = new ChannelHealth { ChannelId = channelId };
            db.ChannelHealth.Add(health);
        }

        Record(health, report, Stopwatch.GetElapsedTime(started));
        await db.SaveChangesAsync(cancellationToken);
        await live.PublishAsync(new ChannelStatusChanged(channelId, report.Failure?.Kind == FailureKind.AuthRevoked ? ChannelStatus.NeedsReconnect : channel.Status, health.Problem));
        return health;
    }

    public async Task<IReadOnlyDictionary<int, ChannelHealth>> ForBrandAsync(int brandId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChannelHealth.AsNoTracking()
            .Where(h => db.Channels.Any(c => c.Id == h.ChannelId && c.BrandId == brandId))
            .ToDictionaryAsync(h => h.ChannelId, cancellationToken);
    }

    private void Record(ChannelHealth health, ConnectorResult<HealthReport> report, TimeSpan elapsed)
    {
        var now = time.GetUtcNow().UtcDateTime;
        health.CheckedUtc = now;
        health.Healthy = report.Succeeded && report.Value.MissingScopes.Count == 0;
        health.LatencyMs = (int)(report.Succeeded ? report.Value.Latency : elapsed).TotalMilliseconds;
        health.MissingScopes = report.Succeeded && report.Value.MissingScopes.Count > 0 ? string.Join(' ', report.Value.MissingScopes) : null;
        health.RateLimitRemaining = report.Succeeded ? report.Value.RateLimitRemaining : null;
        health.RateLimitResetUtc = report.Succeeded ? report.Value.RateLimitResetUtc : null;
        health.Problem = report.Failure?.Message ?? (health.MissingScopes is null ? null : $"The grant lacks {health.MissingScopes}: reconnect and allow them.");
        if (report.Succeeded)
        {
            health.LastSuccessUtc = now;
        }
    }
}
