using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Ocma.Core.Publishing;

/// <summary>
/// Caps how many targets go to one channel and to one platform at the same time. A worker takes the channel slot, then
/// the platform slot, each with a timeout: a busy channel can hold a worker only briefly, never the whole pool.
/// </summary>
public sealed class SendSlots(IOptions<PublishingOptions> options)
{
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _channels = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _platforms = new(StringComparer.Ordinal);

    /// <summary>A held pair of slots (dispose to free them), or null when none came free within the wait.</summary>
    public async Task<IDisposable?> TryTakeAsync(int channelId, string platformKey, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var channel = _channels.GetOrAdd(channelId, _ => new SemaphoreSlim(settings.MaxConcurrentPerChannel));
        if (!await channel.WaitAsync(settings.SlotWait, cancellationToken))
        {
            return null;
        }

        var platform = _platforms.GetOrAdd(platformKey, _ => new SemaphoreSlim(settings.MaxConcurrentPerPlatform));
        try
        {
            if (await platform.WaitAsync(settings.SlotWait, cancellationToken))
            {
                return new Held(channel, platform);
            }
        }
        catch
        {
            channel.Release();
            throw;
        }

        channel.Release();
        return null;
    }

    private sealed class Held(SemaphoreSlim channel, SemaphoreSlim platform) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                platform.Release();
                channel.Release();
            }
        }
    }
}
