using Ocma.Core.Posts;

namespace Ocma.Web.Features.Calendar;

/// <summary>What the calendar shows, read from the query string so a filtered calendar can be bookmarked.</summary>
public sealed record CalendarFilter(int? ChannelId, TargetState? State, string? Campaign = null)
{
    public static CalendarFilter Parse(int? channel, string? state, string? campaign = null) =>
        new(channel is > 0 ? channel : null, Enum.TryParse<TargetState>(state, ignoreCase: true, out var parsed) ? parsed : null, string.IsNullOrWhiteSpace(campaign) ? null : campaign.Trim());

    public bool IsFiltered => ChannelId is not null || State is not null || Campaign is not null;

    public bool Matches(TargetView row) =>
        (ChannelId is null || row.ChannelId == ChannelId) && (State is null || row.State == State)
        && (Campaign is null || string.Equals(row.Campaign, Campaign, StringComparison.OrdinalIgnoreCase));
}
