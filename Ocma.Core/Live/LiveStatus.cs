using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace Ocma.Core.Live;

/// <summary>
/// In-process fan-out of status changes to open consoles (each a Blazor circuit). Subscribers get every event;
/// a failing subscriber is logged and never stops the others or the publisher.
/// </summary>
public sealed class LiveStatus(ILogger<LiveStatus> logger)
{
    private ImmutableList<Func<LiveEvent, Task>> _subscribers = [];

    public IDisposable Subscribe(Func<LiveEvent, Task> handler)
    {
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref _subscribers, list => list.Remove(handler)));
    }

    public async Task PublishAsync(LiveEvent change)
    {
        foreach (var subscriber in _subscribers)
        {
            try
            {
                await subscriber(change);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A live-status subscriber failed on {Event}", change.GetType().Name);
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
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
