using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Ocma.Core.Calendar;
using Ocma.Core.Posts;

namespace Ocma.Core.Bulk;

/// <summary>One post target on a calendar, with the brand it belongs to (its name and time zone).</summary>
public sealed record CalendarEntry(TargetView Target, string BrandName, string TimeZoneId);

/// <summary>
/// Posts as an iCalendar document (Ical.Net): one 30-minute event per scheduled or published target, at its wall-clock time
/// in the brand's zone (with that zone's VTIMEZONE), linking back to the post's page in Ocma.
/// </summary>
public static class PostCalendar
{
    private static readonly TimeSpan Length = TimeSpan.FromMinutes(30);

    private static readonly DateTime RulesFrom = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <param name="showBrand">Put the brand's name in each title (a calendar that spans brands).</param>
    public static string Build(string name, IEnumerable<CalendarEntry> entries, Uri baseUrl, DateTime nowUtc, bool showBrand)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Ocma//Posts//EN", Scale = "GREGORIAN" };
        calendar.AddProperty("X-WR-CALNAME", name);
        var events = entries.Select(e => (Entry: e, Start: StartOf(e.Target))).Where(e => e.Start is not null).ToList();
        foreach (var zone in events.Select(e => e.Entry.TimeZoneId).Distinct(StringComparer.Ordinal))
        {
            // The zone's current rules, stated from a fixed date: Ical.Net reads zone history up to the system clock's
            // "now" and throws when asked to start later than that, as a calendar of next year's posts would.
            calendar.AddTimeZone(zone, RulesFrom, includeHistoricalData: false);
        }

        foreach (var (entry, start) in events)
        {
            calendar.Events.Add(EventFor(entry, start!.Value, baseUrl, nowUtc, showBrand));
        }

        return IcsFolding.Refold(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }

    private static CalendarEvent EventFor(CalendarEntry entry, DateTime startUtc, Uri baseUrl, DateTime nowUtc, bool showBrand)
    {
        var t = entry.Target;
        var title = $"[{t.State}] {t.ChannelLabel}: {FirstChars(t.Text, 60)}";
        var description = t.PlatformUrl is null ? t.Text : $"{t.Text}\n\nOn {t.PlatformKey}: {t.PlatformUrl}";
        return new CalendarEvent
        {
            Uid = $"{t.IdempotencyKey}@ocma",
            DtStamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)),
            DtStart = InZone(startUtc, entry.TimeZoneId),
            DtEnd = InZone(startUtc + Length, entry.TimeZoneId),
            Summary = showBrand ? $"{entry.BrandName} · {title}" : title,
            Description = description,
            Url = new Uri(baseUrl, $"posts/{t.PostId}"),
            Categories = [entry.BrandName],
        };
    }

    /// <summary>When a target appears: its publication time once published, otherwise its due time; drafts and the rest not at all.</summary>
    private static DateTime? StartOf(TargetView t) => t.State switch
    {
        TargetState.Published => t.PublishedUtc ?? t.DueUtc,
        TargetState.Scheduled => t.DueUtc,
        _ => null,
    };

    /// <summary>
    /// The wall-clock time in the zone; in UTC instead for the second pass through an hour the clocks repeat, which a
    /// zoned time cannot name (calendars read it as the first).
    /// </summary>
    private static CalDateTime InZone(DateTime utc, string zoneId)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var wall = DateTime.SpecifyKind(ZoneClock.ToWallClock(utc, zoneId), DateTimeKind.Unspecified);
        return ZoneClock.ToUtc(wall, zoneId) is { Succeeded: true } back && back.Value == utc ? new CalDateTime(wall, zoneId) : new CalDateTime(utc);
    }

    private static string FirstChars(string text, int count)
    {
        var runes = text.ReplaceLineEndings(" ").EnumerateRunes().ToList();
        return runes.Count <= count ? string.Concat(runes) : string.Concat(runes.Take(count)) + "…";
    }
}
