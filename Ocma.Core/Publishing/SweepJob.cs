using Quartz;

namespace Ocma.Core.Publishing;

/// <summary>Every minute (and at start-up): recover orphaned targets and make sure the dispatch trigger is armed.</summary>
[DisallowConcurrentExecution]
public sealed class SweepJob(PublishRecovery recovery) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await recovery.SweepAsync(cancellationToken);
}
