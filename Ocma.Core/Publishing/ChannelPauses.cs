using System.Collections.Concurrent;

namespace Ocma.Core.Publishing;

/// <summary>
/// Channels a platform told us to leave alone for a while (429 with Retry-After or a reset time): until then no other
/// target of the channel is sent. Kept in memory, which is enough for one node; several nodes would need it in the database.
/// </summary>
public sealed class ChannelPauses(TimeProvider time)
{
    private readonly ConcurrentDictionary<int, DateTime> _until = new();

    /// <summary>Pauses the channel until <paramref name="untilUtc"/>; a later pause already in place is kept.</summary>
    public void Pause(int channelId, DateTime untilUtc) =>
        _until.AddOrUpdate(channelId, untilUtc, (_, existing) => existing > untilUtc ? existing : untilUtc);

    /// <summary>The end of the channel's pause, or null when it may be sent to now.</summary>
    public DateTime? PausedUntil(int channelId)
    {
        if (!_until.TryGetValue(channelId, out var until))
        {
            return null;
        }

        if (until > time.GetUtcNow().UtcDateTime)
        {
            return until;
        }

        _until.TryRemove(KeyValuePair.Create(channelId, until));
        return null;
    }
}
