using Ocma.Core.Connectors;

namespace Ocma.Core.Publishing;

/// <summary>
/// A token bucket per channel, filled from the platform's own rate-limit headers: each send takes a token, each answer
/// resets the count to what the platform reports. An empty bucket holds the channel's posts until the window resets, so
/// Ocma stops before the platform has to refuse it. Sends still in flight when an answer arrives are assumed not yet
/// counted by the platform, which errs on the side of sending less. Unknown budget (no headers yet, or the window has
/// reset) means no limit until the platform says otherwise. Kept in memory, like <see cref="ChannelPauses"/>.
/// </summary>
public sealed class ChannelBudgets(TimeProvider time)
{
    private readonly Dictionary<int, Bucket> _buckets = [];
    private readonly Lock _lock = new();

    /// <summary>Takes a token for one send; returns the reset time instead when the bucket is empty.</summary>
    public DateTime? TryTake(int channelId)
    {
        lock (_lock)
        {
            var bucket = Get(channelId);
            if (bucket.Remaining is int remaining && bucket.ResetUtc > time.GetUtcNow().UtcDateTime)
            {
                if (remaining <= 0)
                {
                    return bucket.ResetUtc;
                }

                bucket.Remaining = remaining - 1;
            }
            else
            {
                bucket.Remaining = null; // the window has reset: unknown until the platform reports again
            }

            bucket.InFlight++;
            return null;
        }
    }

    /// <summary>Records the platform's report that came with the answer to one of this channel's sends.</summary>
    public void Observe(int channelId, RateBudget budget)
    {
        lock (_lock)
        {
            var bucket = Get(channelId);
            var othersInFlight = Math.Max(0, bucket.InFlight - 1);
            bucket.Remaining = budget.Remaining - othersInFlight;
            bucket.ResetUtc = budget.ResetUtc;
        }
    }

    /// <summary>The send that took a token is over (answered or not).</summary>
    public void Release(int channelId)
    {
        lock (_lock)
        {
            var bucket = Get(channelId);
            bucket.InFlight = Math.Max(0, bucket.InFlight - 1);
        }
    }

    private Bucket Get(int channelId)
    {
        if (!_buckets.TryGetValue(channelId, out var bucket))
        {
            bucket = new Bucket();
            _buckets[channelId] = bucket;
        }

        return bucket;
    }

    private sealed class Bucket
    {
        public int? Remaining { get; set; }

        public DateTime ResetUtc { get; set; }

        public int InFlight { get; set; }
    }
}
