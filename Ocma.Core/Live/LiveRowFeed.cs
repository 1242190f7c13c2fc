using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Ocma.Core.Posts;

namespace Ocma.Core.Live;

/// <summary>
/// Turns target status changes into deltas for open pages: changes are gathered for a short interval, the changed
/// rows are read with one query for all pages, and each subscribed page gets the batch and applies it to the rows
/// it shows. No page re-reads its list on a change, so fifty open tabs cost one query per batch, not fifty.
/// </summary>
public sealed class LiveRowFeed : IDisposable
{
    /// <summary>How long changes are gathered before one read: a burst of a thousand sends becomes a few batches.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly PostQueries _posts;
    private readonly ILogger<LiveRowFeed> _logger;
    private readonly IDisposable _subscription;
    private readonly object _gate = new();
    private HashSet<int> _changed = [];
    private bool _flushing;
    private ImmutableList<Func<LiveBatch, Task>> _pages = [];

    public LiveRowFeed(LiveStatus live, PostQueries posts, ILogger<LiveRowFeed> logger)
    {
        _posts = posts;
        _logger = logger;
        _subscription = live.Subscribe(OnEventAsync);
    }

    /// <summary>Batches read so far (each one query), for the tests and the benchmark.</summary>
    public int BatchesRead { get; private set; }

    /// <summary>Pages subscribed now.</summary>
    public int Subscribers => _pages.Count;

    /// <summary><paramref name="apply"/> gets every batch; it should hand the work to its renderer and return quickly.</summary>
    public IDisposable Subscribe(Func<LiveBatch, Task> apply)
    {
        ImmutableInterlocked.Update(ref _pages, list => list.Add(apply));
        return new Unsubscribe(() => ImmutableInterlocked.Update(ref _pages, list => list.Remove(apply)));
    }

    public void Dispose() => _subscription.Dispose();

    private Task OnEventAsync(LiveEvent change)
    {
        if (change is not TargetStateChanged target)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            _changed.Add(target.TargetId);
            if (_flushing)
            {
                return Task.CompletedTask; // the running flush picks it up
            }

            _flushing = true;
        }

        _ = FlushWhileChangingAsync();
        return Task.CompletedTask;
    }

    private async Task FlushWhileChangingAsync()
    {
        while (true)
        {
            await Task.Delay(Interval);
            HashSet<int> ids;
            lock (_gate)
            {
                if (_changed.Count == 0)
                {
                    _flushing = false;
                    return;
                }

                (ids, _changed) = (_changed, []);
            }

            await PushAsync(ids);
        }
    }

    private async Task PushAsync(HashSet<int> ids)
    {
        var pages = _pages;
        if (pages.IsEmpty)
        {
            return; // nobody is looking: nothing to read
        }

        LiveBatch batch;
        try
        {
            batch = new LiveBatch(await _posts.ByIdsAsync(ids, CancellationToken.None));
            BatchesRead++;
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "The live feed could not read {Count} changed targets; open pages catch up on the next change", ids.Count);
            return;
        }

        // Not awaited: a page slow to render (or whose tab is going away) never holds back the next batch for the others.
        // Each page's renderer runs its batches in the order they were handed over.
        foreach (var apply in pages)
        {
            _ = ApplySafelyAsync(apply, batch);
        }
    }

    private async Task ApplySafelyAsync(Func<LiveBatch, Task> apply, LiveBatch batch)
    {
        try
        {
            await apply(batch);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "A live page failed to apply a batch of {Count} rows", batch.Rows.Count);
        }
    }

    private sealed class Unsubscribe(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
