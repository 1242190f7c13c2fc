using Microsoft.Extensions.Logging;

namespace Ocma.Core.Storage;

/// <summary>
/// Whether Ocma can store what it does right now. Any part that meets a storage failure reports it here, which pauses
/// publishing as a whole; <see cref="StorageWatch"/> lifts the pause once a test write succeeds again. Workers wait on
/// <see cref="WaitUntilWritableAsync"/> instead of failing, so nothing is lost and no worker dies.
/// </summary>
public sealed class StorageStatus(TimeProvider time, ILogger<StorageStatus> logger)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _writable = Completed();

    public PublishingPause? Pause { get; private set; }

    /// <summary>Raised on the reporting thread whenever a pause starts, changes its reason or ends.</summary>
    public event Action? Changed;

    /// <summary>Pauses publishing when <paramref name="error"/> is a storage failure; false (and nothing changed) otherwise.</summary>
    public bool TryPauseFor(Exception error)
    {
        if (StorageFailures.Describe(error) is not string reason)
        {
            return false;
        }

        PauseFor(reason);
        return true;
    }

    public void PauseFor(string reason)
    {
        lock (_gate)
        {
            if (Pause?.Reason == reason)
            {
                return;
            }

            if (Pause is null)
            {
                _writable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            Pause = new PublishingPause(reason, Pause?.SinceUtc ?? time.GetUtcNow().UtcDateTime);
        }

        logger.LogError("Publishing paused: {Reason}", reason);
        Changed?.Invoke();
    }

    public void Resume()
    {
        TaskCompletionSource resumed;
        lock (_gate)
        {
            if (Pause is null)
            {
                return;
            }

            Pause = null;
            resumed = _writable;
        }

        logger.LogWarning("Publishing resumed: Ocma can write again");
        resumed.TrySetResult();
        Changed?.Invoke();
    }

    /// <summary>Completes at once while nothing is paused, otherwise when the pause ends.</summary>
    public Task WaitUntilWritableAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _writable.Task.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
