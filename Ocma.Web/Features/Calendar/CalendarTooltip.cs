using System.Globalization;
using Ocma.Core.Calendar;

namespace Ocma.Web.Features.Calendar;

/// <summary>What hovering a calendar item says: channel, text, and the time in the brand's zone and in the viewer's own.</summary>
public static class CalendarTooltip
{
    public static string For(CalendarItem item, string brandZone, string? viewerZone)
    {
        var when = $"{Format(item.DueUtc, brandZone)} ({brandZone})";
        if (viewerZone is not null && viewerZone != brandZone && ZoneClock.TryFindZone(viewerZone, out _))
        {
            when += $" · {Format(item.DueUtc, viewerZone)} your time ({viewerZone})";
        }

        return $"{item.ChannelLabel} — {item.StateText}\n{when}\n{item.FullText}";
    }

    private static string Format(DateTime utc, string zoneId) =>
        ZoneClock.ToWallClock(utc, zoneId).ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture);
}
