using Ocma.Core.Live;

namespace Ocma.Web.Components.Shared;

/// <summary>
/// Reloads a page's data when live events arrive, coalescing bursts (a thousand targets publishing at once)
/// into at most one reload per interval. Dispose it with the component.
/// </summary>
public sealed class LiveRefresher : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly Func<LiveEvent, bool> _relevant;
    private readonly Func<Task> _reloadOnRendererThread;
    private readonly IDisposable _subscription;
    private int _pending;

    /// <param name="reloadOnRendererThread">Reloads and re-renders; the caller wraps it in the component's InvokeAsync.</param>
    public LiveRefresher(LiveStatus live, Func<LiveEvent, bool> relevant, Func<Task> reloadOnRendererThread)
    {
        _relevant = relevant;
        _reloadOnRendererThread = reloadOnRendererThread;
        _subscription = live.Subscribe(OnEventAsync);
    }

    public void Dispose() => _subscription.Dispose();

    private Task OnEventAsync(LiveEvent change)
    {
        if (!_relevant(change) || Interlocked.Exchange(ref _pending, 1) == 1)
        {
            return Task.CompletedTask; // a reload is already on its way
        }

        _ = ReloadSoonAsync();
        return Task.CompletedTask;
    }

    private async Task ReloadSoonAsync()
    {
        await Task.Delay(Interval);
        Interlocked.Exchange(ref _pending, 0);
        await _reloadOnRendererThread();
    }
}
