using Ocma.Core.Storage;
using Quartz;

namespace Ocma.Core.Publishing;

/// <summary>Fired by the dispatch trigger: claims what is due and re-arms for the next due time.</summary>
[DisallowConcurrentExecution]
public sealed class DispatchJob(TargetDispatcher dispatcher, StorageStatus storage) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await dispatcher.DispatchDueAsync(cancellationToken);
        }
        catch (Exception e) when (storage.TryPauseFor(e))
        {
            // publishing is paused with the reason; StorageWatch resumes it once Ocma can write again
        }
    }
}
