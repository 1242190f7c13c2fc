using Ocma.Core.Storage;
using Quartz;

namespace Ocma.Core.Publishing;

/// <summary>Every minute (and at start-up): recover orphaned targets and make sure the dispatch trigger is armed.</summary>
[DisallowConcurrentExecution]
public sealed class SweepJob(PublishRecovery recovery, StorageStatus storage) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await recovery.SweepAsync(cancellationToken);
        }
        catch (Exception e) when (storage.TryPauseFor(e))
        {
            // publishing is paused with the reason; StorageWatch resumes it once Ocma can write again
        }
    }
}
