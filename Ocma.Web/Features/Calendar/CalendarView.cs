using System.Globalization;

namespace Ocma.Web.Features.Calendar;

public enum CalendarView
{
    Month,
    Week,
    Day,
    List,
}

/// <summary>
/// The days a calendar view shows around an anchor date: a month grid of six Monday-first weeks, a week, a day, or
/// a two-week list; where "previous" and "next" go; and the title that names it.
/// </summary>
public sealed record CalendarRange(CalendarView View, DateOnly Anchor)
{
    public const int ListDays = 14;

    public DateOnly First => View switch
    {
        CalendarView.Month => MondayOnOrBefore(new DateOnly(Anchor.Year, Anchor.Month, 1)),
        CalendarView.Week => MondayOnOrBefore(Anchor),
        _ => Anchor,
    };

    public int DayCount => View switch
    {
        CalendarView.Month => 42,
        CalendarView.Week => 7,
        CalendarView.Day => 1,
        _ => ListDays,
    };

    /// <summary>The day after the last day shown.</summary>
    public DateOnly End => First.AddDays(DayCount);

    public IEnumerable<DateOnly> Days => Enumerable.Range(0, DayCount).Select(First.AddDays);

    public DateOnly Previous => Step(-1);

    public DateOnly Next => Step(1);

    public string Title => View switch
    {
        CalendarView.Month => Anchor.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        CalendarView.Day => Anchor.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture),
        _ => $"{First.ToString("d MMM", CultureInfo.InvariantCulture)} – {End.AddDays(-1).ToString("d MMM yyyy", CultureInfo.InvariantCulture)}",
    };

    public bool Contains(DateOnly day) => day >= First && day < End;

    public static CalendarView ParseView(string? name) =>
        Enum.TryParse<CalendarView>(name, ignoreCase: true, out var view) && Enum.IsDefined(view) ? view : CalendarView.Month;

    private DateOnly Step(int direction) => View switch
    {
        CalendarView.Month => new DateOnly(Anchor.Year, Anchor.Month, 1).AddMonths(direction),
        CalendarView.Week => Anchor.AddDays(7 * direction),
        CalendarView.Day => Anchor.AddDays(direction),
        _ => Anchor.AddDays(ListDays * direction),
    };

    private static DateOnly MondayOnOrBefore(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
