using Ocma.Core.Calendar;
using Ocma.Core.Channels;

namespace Ocma.Web.Features.Calendar;

/// <summary>Which hours of the week and day views are channels' posting times, and whose, for the shading and its hover text.</summary>
public sealed class PostingShade(IReadOnlyList<PostingSlot> slots, IReadOnlyList<ChannelSummary> channels, int? channelFilter)
{
    public static readonly PostingShade None = new([], [], null);

    /// <summary>"Posting time: @team · Sandbox, …" when a channel posts in that hour, otherwise null.</summary>
    public string? TitleFor(DateOnly day, int hour)
    {
        var names = slots.Where(s => (channelFilter is null || s.ChannelId == channelFilter) && s.Days.Includes(day.DayOfWeek) && s.LocalTime.Hour == hour)
            .Select(s => channels.FirstOrDefault(c => c.Id == s.ChannelId)?.Label).OfType<string>().Distinct().ToList();
        return names.Count == 0 ? null : "Posting time: " + string.Join(", ", names);
    }
}
