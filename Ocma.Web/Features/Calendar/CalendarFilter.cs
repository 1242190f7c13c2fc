using Ocma.Core.Posts;

namespace Ocma.Web.Features.Calendar;

/// <summary>What the calendar shows, read from the query string so a filtered calendar can be bookmarked.</summary>
public sealed record CalendarFilter(int? ChannelId, TargetState? State)
{
    public static CalendarFilter Parse(int? channel, string? state) =>
        new(channel is > 0 ? channel : null, Enum.TryParse<TargetState>(state, ignoreCase: true, out var parsed) ? parsed : null);

    public bool Matches(TargetView row) =>
        (ChannelId is null || row.ChannelId == ChannelId) && (State is null || row.State == State);
}
