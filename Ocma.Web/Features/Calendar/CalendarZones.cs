using System.Globalization;

namespace Ocma.Web.Features.Calendar;

/// <summary>
/// Names the calendar's drop zones: a whole day ("day:2027-03-12", month and list views: a drop keeps the post's
/// time of day) or one hour of a day ("hour:2027-03-12T09", week and day views: a drop keeps its minutes).
/// </summary>
public static class CalendarZones
{
    public static string Day(DateOnly day) => "day:" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Hour(DateOnly day, int hour) => "hour:" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + hour.ToString("00", CultureInfo.InvariantCulture);

    public static string For(CalendarView view, DateTime local) =>
        view is CalendarView.Week or CalendarView.Day ? Hour(DateOnly.FromDateTime(local), local.Hour) : Day(DateOnly.FromDateTime(local));

    /// <summary>The day a zone stands for, and the hour when it is an hour zone.</summary>
    public static (DateOnly Day, int? Hour) Parse(string zone)
    {
        var hour = zone.StartsWith("hour:", StringComparison.Ordinal);
        var day = DateOnly.ParseExact(zone[(hour ? 5 : 4)..][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (day, hour ? int.Parse(zone[^2..], CultureInfo.InvariantCulture) : null);
    }
}
