using Ocma.Core.Approvals;
using Ocma.Core.Calendar;
using Ocma.Core.Posts;

namespace Ocma.Web.Features.Calendar;

/// <summary>
/// What a calendar view shows: the items in its drop zones, at most a few per month day or week hour (so a month
/// with thousands of posts stays quick to draw) with the rest counted, and every item in the day and list views.
/// </summary>
public sealed class CalendarLayout
{
    public const int PerMonthDay = 3;
    public const int PerWeekHour = 2;

    private CalendarLayout(CalendarRange range, IReadOnlyList<CalendarItem> visible, IReadOnlyDictionary<string, int> hidden, int total) =>
        (Range, Visible, Hidden, Total) = (range, visible, hidden, total);

    public CalendarRange Range { get; }

    /// <summary>The items drawn, in time order.</summary>
    public IReadOnlyList<CalendarItem> Visible { get; }

    /// <summary>Per zone, how many more items there are than are drawn.</summary>
    public IReadOnlyDictionary<string, int> Hidden { get; }

    /// <summary>How many items fall in the range.</summary>
    public int Total { get; }

    public static CalendarLayout Empty(CalendarRange range) => new(range, [], new Dictionary<string, int>(), 0);

    public static CalendarLayout Build(IEnumerable<TargetView> rows, CalendarRange range, string zoneId, DateTime nowUtc, CalendarFilter filter)
    {
        var zone = ZoneClock.FindZone(zoneId);
        var cap = range.View switch
        {
            CalendarView.Month => PerMonthDay,
            CalendarView.Week => PerWeekHour,
            _ => int.MaxValue,
        };
        var visible = new List<CalendarItem>();
        var hidden = new Dictionary<string, int>();
        var shown = new Dictionary<string, int>();
        var total = 0;
        var placed = rows.Where(r => r.DueUtc is not null && filter.Matches(r))
            .Select(r => (Row: r, Utc: DateTime.SpecifyKind(r.PublishedUtc ?? r.DueUtc!.Value, DateTimeKind.Utc)))
            .Select(x => (x.Row, x.Utc, Local: TimeZoneInfo.ConvertTimeFromUtc(x.Utc, zone)))
            .Where(x => range.Contains(DateOnly.FromDateTime(x.Local)))
            .OrderBy(x => x.Local).ThenBy(x => x.Row.TargetId);
        foreach (var (row, shownUtc, local) in placed)
        {
            total++;
            var key = CalendarZones.For(range.View, local);
            var count = shown.GetValueOrDefault(key);
            if (count >= cap)
            {
                hidden[key] = hidden.GetValueOrDefault(key) + 1;
                continue;
            }

            shown[key] = count + 1;
            visible.Add(Item(row, shownUtc, local, key, zoneId, nowUtc));
        }

        return new CalendarLayout(range, visible, hidden, total);
    }

    private static CalendarItem Item(TargetView row, DateTime shownUtc, DateTime local, string key, string zoneId, DateTime nowUtc)
    {
        var missed = ApprovalRules.MissedItsTime(row.State, row.DueUtc, nowUtc);
        var label = missed ? "Missed its time" : row.State == TargetState.InReview ? "In review" : row.State.ToString();
        var stateText = missed ? ApprovalRules.MissedItsTimeText(row.DueUtc!.Value, zoneId) : label;
        var text = $"{label}: {(row.Text.Length > 40 ? row.Text[..40] + "…" : row.Text)}";
        return new CalendarItem(row.TargetId, row.PostId, local, text, row.State, row.ChannelLabel, shownUtc, row.Text, stateText, key);
    }
}
