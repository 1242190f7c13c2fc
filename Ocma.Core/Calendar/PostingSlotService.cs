using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Data;

namespace Ocma.Core.Calendar;

/// <summary>Reads and edits each channel's posting times. Editors and Admins edit; every change is audited.</summary>
public sealed class PostingSlotService(IDbContextFactory<OcmaDbContext> dbFactory, AuditLog audit)
{
    /// <summary>Every posting time of the brand's channels, by channel and time of day.</summary>
    public async Task<IReadOnlyList<PostingSlot>> ListAsync(int brandId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PostingSlots.AsNoTracking().Where(s => s.Channel!.BrandId == brandId)
            .OrderBy(s => s.ChannelId).ThenBy(s => s.MinuteOfDay).ToListAsync(cancellationToken);
    }

    public async Task<Result<PostingSlot>> AddAsync(int channelId, SlotDays days, TimeOnly localTime, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.CanPublish)
        {
            return Result.Fail<PostingSlot>("Only Editors and Admins can change posting times.");
        }

        if ((days & SlotDays.EveryDay) == SlotDays.None)
        {
            return Result.Fail<PostingSlot>("Pick at least one day for the posting time.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        if (channel is null)
        {
            return Result.Fail<PostingSlot>("That channel no longer exists. Reload the page.");
        }

        var minute = (localTime.Hour * 60) + localTime.Minute;
        var name = channel.Handle ?? channel.DisplayName;
        if (await db.PostingSlots.AnyAsync(s => s.ChannelId == channelId && s.MinuteOfDay == minute, cancellationToken))
        {
            return Result.Fail<PostingSlot>($"{name} already posts at {localTime:HH\\:mm}. Remove that time first to change its days.");
        }

        var slot = new PostingSlot { ChannelId = channelId, Days = days & SlotDays.EveryDay, MinuteOfDay = minute };
        db.PostingSlots.Add(slot);
        audit.Add(db, actor, "channel.posting-time-added", $"channel {channelId}", $"{name}: {slot.Days.Describe()} {slot.LocalTime:HH\\:mm}");
        await db.SaveChangesAsync(cancellationToken);
        return slot;
    }

    public async Task<Result<bool>> RemoveAsync(int slotId, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.CanPublish)
        {
            return Result.Fail<bool>("Only Editors and Admins can change posting times.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var slot = await db.PostingSlots.SingleOrDefaultAsync(s => s.Id == slotId, cancellationToken);
        if (slot is null)
        {
            return Result.Fail<bool>("That posting time was already removed. Reload the page.");
        }

        db.PostingSlots.Remove(slot);
        audit.Add(db, actor, "channel.posting-time-removed", $"channel {slot.ChannelId}", $"{slot.Days.Describe()} {slot.LocalTime:HH\\:mm}");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
