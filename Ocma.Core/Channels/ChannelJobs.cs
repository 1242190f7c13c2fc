using Quartz;

namespace Ocma.Core.Channels;

/// <summary>Every 15 minutes: probe every active channel.</summary>
[DisallowConcurrentExecution]
public sealed class ChannelHealthJob(ChannelHealthService health) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await health.ProbeAllAsync(cancellationToken);
}

/// <summary>Every 5 minutes: refresh grants that expire soon.</summary>
[DisallowConcurrentExecution]
public sealed class GrantRefreshJob(GrantRefreshService refresher) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await refresher.RefreshExpiringAsync(cancellationToken);
}
