using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Ocma.Core.Publishing;

/// <summary>A target this process claimed, with the claim it holds: every write about the target checks that claim.</summary>
public readonly record struct ClaimedTarget(int TargetId, Guid ClaimId);

/// <summary>
/// Claimed targets waiting for a worker in this process, and the ones a worker is handling now. It is the record of
/// what this process owns: a claim is registered before it is written, so the recovery sweep never takes a fresh one,
/// and an id already held is refused, so one target never has two workers here.
/// </summary>
public sealed class PublishQueue
{
    private readonly Channel<ClaimedTarget> _queue = Channel.CreateUnbounded<ClaimedTarget>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
    private readonly ConcurrentDictionary<int, Guid> _owned = new();
    private readonly ConcurrentDictionary<Guid, byte> _claiming = new();

    public ChannelReader<ClaimedTarget> Reader => _queue.Reader;

    /// <summary>Whether this process holds the target or is writing the claim it carries: the sweep leaves such targets alone.</summary>
    public bool Holds(int targetId, Guid? claimId) => _owned.ContainsKey(targetId) || (claimId is Guid id && _claiming.ContainsKey(id));

    public int Pending => _owned.Count;

    /// <summary>Announces a claim about to be written to the database (call before the write, end with <see cref="EndClaiming"/>).</summary>
    public void BeginClaiming(Guid claimId) => _claiming.TryAdd(claimId, 0);

    public void EndClaiming(Guid claimId) => _claiming.TryRemove(claimId, out _);

    /// <summary>
    /// Queues a claimed target for a worker; false (and nothing queued) when this process already holds it under that
    /// claim. A newer claim replaces an older one still finishing here: the older worker's writes fail their compare-and-set.
    /// </summary>
    public bool TryEnqueue(int targetId, Guid claimId)
    {
        var queued = false;
        _owned.AddOrUpdate(targetId, _ => { queued = true; return claimId; }, (_, held) => { queued = held != claimId; return claimId; });
        if (queued)
        {
            _queue.Writer.TryWrite(new ClaimedTarget(targetId, claimId));
        }

        return queued;
    }

    /// <summary>The worker is done with this claim (a newer claim on the same target stays held).</summary>
    public void Release(int targetId, Guid claimId) => _owned.TryRemove(new KeyValuePair<int, Guid>(targetId, claimId));
}
