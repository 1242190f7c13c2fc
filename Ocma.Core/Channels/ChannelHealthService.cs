using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Connectors;
using Ocma.Core.Data;
using Ocma.Core.Live;

namespace Ocma.Core.Channels;

/// <summary>Probes connected channels (every 15 minutes, or on request) and records latency, scopes and rate-limit budget (publishes record their outcomes too: <see cref="ChannelHealthRecorder"/>).</summary>
public sealed class ChannelHealthService(
    IDbContextFactory<OcmaDbContext> dbFactory,
    ConnectorRegistry connectors,
    CredentialsService credentials,
    ChannelHealthRecorder recorder,
    LiveStatus live)
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
        var health = await recorder.RecordProbeAsync(channelId, report, Stopwatch.GetElapsedTime(started), cancellationToken);
        if (report.Failure?.Kind == FailureKind.AuthRevoked)
        {
            await credentials.MarkNeedsReconnectAsync(channelId, report.Failure.Message, cancellationToken);
        }

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
}
