using Quartz;

namespace Ocma.Core.Publishing;

/// <summary>Fired by the dispatch trigger: claims what is due and re-arms for the next due time.</summary>
[DisallowConcurrentExecution]
public sealed class DispatchJob(TargetDispatcher dispatcher) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await dispatcher.DispatchDueAsync(cancellationToken);
}
