using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;
using Ocma.Core.Posts;

namespace Ocma.Core.Calendar;

/// <summary>
/// "Add to queue": finds each channel's next posting time (in the brand's zone) that lies in the future and that
/// no other live target of that channel already occupies. A slot time the clocks skip is passed over.
/// </summary>
public sealed class QueueService(IDbContextFactory<OcmaDbContext> dbFactory, TimeProvider time)
{
    /// <summary>How far ahead the queue looks before saying the channel is full.</summary>
    public const int HorizonDays = 366;

    /// <summary>
    /// Each channel's next free slot as a UTC instant, or a message naming the first channel that has none.
    /// <paramref name="alsoTaken"/> holds times handed out but not stored yet (earlier posts of the same batch).
    /// </summary>
    public async Task<Result<IReadOnlyDictionary<int, DateTime>>> NextFreeSlotsAsync(
        int brandId, IReadOnlyCollection<int> channelIds, CancellationToken cancellationToken, IReadOnlyCollection<(int ChannelId, DateTime DueUtc)>? alsoTaken = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zoneId = await db.Brands.Where(b => b.Id == brandId).Select(b => b.TimeZoneId).SingleOrDefaultAsync(cancellationToken);
        if (zoneId is null)
        {
            return Result.Fail<IReadOnlyDictionary<int, DateTime>>("That brand no longer exists.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var channels = await db.Channels.AsNoTracking().Where(c => channelIds.Contains(c.Id) && c.BrandId == brandId)
            .Select(c => new { c.Id, Name = c.Handle ?? c.DisplayName }).ToListAsync(cancellationToken);
        var slots = await db.PostingSlots.AsNoTracking().Where(s => channelIds.Contains(s.ChannelId)).ToListAsync(cancellationToken);
        var taken = await db.PostTargets.AsNoTracking()
            .Where(t => channelIds.Contains(t.ChannelId) && t.State != TargetState.Canceled && t.DueUtc > now)
            .Select(t => new { t.ChannelId, t.DueUtc }).ToListAsync(cancellationToken);

        var result = new Dictionary<int, DateTime>();
        foreach (var channel in channels)
        {
            var own = slots.Where(s => s.ChannelId == channel.Id).OrderBy(s => s.MinuteOfDay).ToList();
            if (own.Count == 0)
            {
                return Result.Fail<IReadOnlyDictionary<int, DateTime>>($"Set posting times for {channel.Name} on Channels first.");
            }

            var occupied = taken.Where(t => t.ChannelId == channel.Id).Select(t => ToMinute(t.DueUtc!.Value))
                .Concat((alsoTaken ?? []).Where(t => t.ChannelId == channel.Id).Select(t => ToMinute(t.DueUtc))).ToHashSet();
            var next = FirstFree(own, occupied, zoneId, now);
            if (next is null)
            {
                return Result.Fail<IReadOnlyDictionary<int, DateTime>>($"Every posting time of {channel.Name} in the next {HorizonDays} days is taken. Add posting times on Channels or pick a time.");
            }

            result[channel.Id] = next.Value;
        }

        return channelIds.All(result.ContainsKey)
            ? result
            : Result.Fail<IReadOnlyDictionary<int, DateTime>>("One of the chosen channels does not exist (it may have been removed). Reload and pick again.");
    }

    private static DateTime? FirstFree(IReadOnlyList<PostingSlot> slots, IReadOnlySet<DateTime> occupied, string zoneId, DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(ZoneClock.ToWallClock(nowUtc, zoneId));
        for (var day = today; day < today.AddDays(HorizonDays); day = day.AddDays(1))
        {
            foreach (var slot in slots.Where(s => s.Days.Includes(day.DayOfWeek)))
            {
                var utc = ZoneClock.ToUtc(day.ToDateTime(slot.LocalTime), zoneId);
                if (utc.Succeeded && utc.Value > nowUtc && !occupied.Contains(ToMinute(utc.Value)))
                {
                    return utc.Value;
                }
            }
        }

        return null;
    }

    private static DateTime ToMinute(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
}
