using System.Globalization;
using Ocma.Core.Posts;

namespace Ocma.Web.Features.Calendar;

/// <summary>
/// Everything the calendar shows lives in its address (view, date and filters), so any calendar can be bookmarked
/// or shared: <c>/calendar?view=week&amp;date=2027-03-09&amp;channel=2&amp;state=Scheduled&amp;campaign=Spring</c>.
/// </summary>
public sealed record CalendarUrl(CalendarView View, DateOnly? Date, CalendarFilter Filter)
{
    public CalendarUrl WithView(CalendarView view) => this with { View = view };

    public CalendarUrl WithDate(DateOnly date) => this with { Date = date };

    public CalendarUrl WithFilter(CalendarFilter filter) => this with { Filter = filter };

    public override string ToString()
    {
        var query = new List<string> { "view=" + View.ToString().ToLowerInvariant() };
        if (Date is DateOnly date)
        {
            query.Add("date=" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (Filter.ChannelId is int channel)
        {
            query.Add("channel=" + channel.ToString(CultureInfo.InvariantCulture));
        }

        if (Filter.State is TargetState state)
        {
            query.Add("state=" + state);
        }

        if (Filter.Campaign is string campaign)
        {
            query.Add("campaign=" + Uri.EscapeDataString(campaign));
        }

        return "/calendar?" + string.Join('&', query);
    }

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
