using Ocma.Core.Channels;
using Ocma.Core.Posts;
using Ocma.Web.Features.Calendar;

namespace Ocma.Tests.Web.Components;

/// <summary>The calendar's filters and hover text.</summary>
public sealed class CalendarFiltersTests
{
    private static readonly ChannelSummary[] Channels =
    [
        new(1, "sandbox", "Sandbox", "Team", "@team", ChannelStatus.Active, null, null, DateTime.UnixEpoch, null),
        new(2, "mastodon", "Mastodon", "News", "@news", ChannelStatus.Active, null, null, DateTime.UnixEpoch, null),
    ];

    [Fact]
    public void Matches_KeepsOnlyTheChosenChannelAndState()
    {
        var filter = CalendarFilter.Parse(1, "Scheduled");

        Assert.True(filter.Matches(Row(1, TargetState.Scheduled)));
        Assert.False(filter.Matches(Row(2, TargetState.Scheduled)));
        Assert.False(filter.Matches(Row(1, TargetState.Published)));
    }

    [Fact]
    public void Tooltip_ShowsTheBrandZoneTimeAndTheViewersOwn()
    {
        var item = new CalendarItem(7, 3, default, "", TargetState.Scheduled, "@team · Sandbox", new DateTime(2027, 7, 1, 8, 0, 0, DateTimeKind.Utc), "Summer sale", "Scheduled", "day:2027-07-01");

        var tooltip = CalendarTooltip.For(item, "Europe/Berlin", "America/New_York");
        var sameZone = CalendarTooltip.For(item, "Europe/Berlin", "Europe/Berlin");

        Assert.Contains("Thu 1 Jul, 10:00 (Europe/Berlin) · Thu 1 Jul, 04:00 your time (America/New_York)", tooltip, StringComparison.Ordinal);
        Assert.DoesNotContain("your time", sameZone, StringComparison.Ordinal);
    }

    private static TargetView Row(int channelId, TargetState state) =>
        new(1, 1, "text", channelId, "label", "sandbox", state, DateTime.UnixEpoch, null, null, null, null, 0, "author");
}
