using System.Globalization;
using Ocma.Core.Calendar;

namespace Ocma.Web.Components.Shared;

/// <summary>Formats UTC instants in the brand's zone, the way the console shows times everywhere.</summary>
public static class ZoneTime
{
    public static string Format(DateTime? utc, string zoneId) =>
        utc is DateTime value ? ZoneClock.ToWallClock(value, zoneId).ToString("ddd d MMM yyyy, HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    public static string Short(DateTime? utc, string zoneId) =>
        utc is DateTime value ? ZoneClock.ToWallClock(value, zoneId).ToString("d MMM, HH:mm", CultureInfo.InvariantCulture) : "—";
}
