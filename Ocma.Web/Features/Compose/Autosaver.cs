namespace Ocma.Web.Features.Compose;

/// <summary>
/// Saves after a pause in typing: every change restarts the wait, and never more than one save runs at a time (a change
/// made during a save is saved once that one is done). The save runs on the caller's synchronization context.
/// </summary>
public sealed class Autosaver(Func<Task> save, TimeSpan pause, TimeProvider time) : IDisposable
{
    private CancellationTokenSource? _wait;
    private Task _running = Task.CompletedTask;
    private bool _changedWhileSaving;

    /// <summary>Something changed: save once the person has paused for a moment.</summary>
    public void Changed()
    {
        Cancel();
        _wait = new CancellationTokenSource();
        _ = SaveAfterPauseAsync(_wait.Token);
    }

    /// <summary>Drops a waiting save and lets a running one finish, before the person's own submit.</summary>
    public async Task SettleAsync()
    {
        Cancel();
        _changedWhileSaving = false;
        await _running;
    }

    public void Dispose() => Cancel();

    private async Task SaveAfterPauseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(pause, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (!_running.IsCompleted)
        {
            _changedWhileSaving = true;
            return;
        }

        _running = save();
        await _running;
        if (_changedWhileSaving)
        {
            _changedWhileSaving = false;
            Changed();
        }
    }

    private void Cancel()
    {
        _wait?.Cancel();
        _wait?.Dispose();
        _wait = null;
    }
}
