using Ocma.Core.Channels;

namespace Ocma.Core.Calendar;

/// <summary>A recurring time a channel posts at ("weekdays 09:00"), as wall-clock time in the brand's zone.</summary>
public sealed class PostingSlot
{
    public int Id { get; set; }

    public int ChannelId { get; set; }

    public Channel? Channel { get; set; }

    public SlotDays Days { get; set; }

    /// <summary>Minutes after local midnight (0–1439) in the brand's zone.</summary>
    public int MinuteOfDay { get; set; }

    public TimeOnly LocalTime => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(MinuteOfDay));
}
