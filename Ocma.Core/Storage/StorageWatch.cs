using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ocma.Core.Data;
using Ocma.Core.Publishing;

namespace Ocma.Core.Storage;

/// <summary>
/// Every <c>Storage:CheckInterval</c>: pauses publishing when free space runs low, and while paused tries a real write,
/// backing off up to a minute between tries; once a write succeeds it lifts the pause and has due posts claimed at once.
/// </summary>
public sealed class StorageWatch(
    StorageStatus status,
    StorageProbe probe,
    TargetDispatcher dispatcher,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<StorageWatch> logger) : BackgroundService
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failedTries = 0;
        for (var first = true; !stoppingToken.IsCancellationRequested; first = false)
        {
            if (!first)
            {
                await Task.Delay(WaitBefore(failedTries), time, stoppingToken); // the first check runs at start-up
            }

            try
            {
                var paused = status.Pause is not null;
                if (await probe.FindProblemAsync(writeTest: paused, stoppingToken) is string problem)
                {
                    status.PauseFor(problem);
                    failedTries++;
                    continue;
                }

                failedTries = 0;
                if (paused)
                {
                    status.Resume();
                    await dispatcher.DispatchDueAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                failedTries++;
                if (!status.TryPauseFor(e))
                {
                    logger.LogError(e, "Checking the data folder's storage failed");
                }
            }
        }
    }

    private TimeSpan WaitBefore(int failedTries)
    {
        var interval = options.Value.CheckInterval;
        if (failedTries == 0)
        {
            return interval;
        }

        var backedOff = interval * Math.Pow(2, Math.Min(failedTries, 10));
        var cap = interval > LongestWait ? interval : LongestWait;
        return backedOff < cap ? backedOff : cap;
    }
}
