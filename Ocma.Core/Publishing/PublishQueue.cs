using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Ocma.Core.Publishing;

/// <summary>Claimed targets waiting for a worker in this process, and the ones a worker is handling now.</summary>
public sealed class PublishQueue
{
    private readonly Channel<int> _queue = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
    private readonly ConcurrentDictionary<int, byte> _owned = new();

    public ChannelReader<int> Reader => _queue.Reader;

    /// <summary>Targets claimed by this process and not yet settled: the sweep leaves them alone.</summary>
    public bool Owns(int targetId) => _owned.ContainsKey(targetId);

    public int Pending => _owned.Count;

    public void Enqueue(int targetId)
    {
        _owned.TryAdd(targetId, 0);
        _queue.Writer.TryWrite(targetId);
    }

    public void Release(int targetId) => _owned.TryRemove(targetId, out _);
}
